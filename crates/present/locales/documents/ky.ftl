### tandoo — кыргызча каталог, «documents» бөлүгү. ЭНЕ ТИЛИНДЕ СҮЙЛӨГӨН АДАМДЫН ТЕКШЕРҮҮСҮН КҮТҮҮДӨ (awaiting review by a native speaker).
