### tandoo — English catalog, opendata part. Every key here must be in ky.ftl and ru.ftl of this part too.

cli-EXPORT_AS_OF = --as-of applies to the results (--format nist or csv), not to the record
cli-EXPORT_CLOCK = the system clock is before 1970, so the report cannot be dated

## The record's download at /data/record.jsonl.
api-EXPORTS_BUSY = the record is being downloaded by others at the moment; try again in a minute
