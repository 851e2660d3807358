### tandoo — кыргызча каталог, «opendata» бөлүгү. ЭНЕ ТИЛИНДЕ СҮЙЛӨГӨН АДАМДЫН ТЕКШЕРҮҮСҮН КҮТҮҮДӨ (awaiting review by a native speaker).
