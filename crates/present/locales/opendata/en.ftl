### tandoo — English catalog, opendata part. Every key here must be in ky.ftl and ru.ftl of this part too.
