### tandoo — русский каталог, часть «publish». ОЖИДАЕТ ПРОВЕРКИ НОСИТЕЛЕМ ЯЗЫКА (awaiting review by a native speaker).

## tandoo publish: the portal as static files.
cli-PUBLISH_IO = файлы портала не удаётся записать: { $detail }
cli-RECORD_DOES_NOT_REPLAY = акты записи не складываются в состояние выборов: { $detail }; опубликуйте только её журнал с --log-only
