### tandoo — русский каталог, часть «portal». ОЖИДАЕТ ПРОВЕРКИ НОСИТЕЛЕМ ЯЗЫКА (awaiting review by a native speaker).
