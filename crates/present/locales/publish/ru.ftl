### tandoo — русский каталог, часть «publish». ОЖИДАЕТ ПРОВЕРКИ НОСИТЕЛЕМ ЯЗЫКА (awaiting review by a native speaker).
