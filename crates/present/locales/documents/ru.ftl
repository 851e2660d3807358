### tandoo — русский каталог, часть «documents». ОЖИДАЕТ ПРОВЕРКИ НОСИТЕЛЕМ ЯЗЫКА (awaiting review by a native speaker).
