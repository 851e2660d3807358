### tandoo — English catalog, publish part. Every key here must be in ky.ftl and ru.ftl of this part too.

## tandoo publish: the portal as static files.
cli-PUBLISH_IO = the portal's files cannot be written: { $detail }
cli-RECORD_DOES_NOT_REPLAY = the record's acts do not make an election's state: { $detail }; publish its log alone with --log-only
