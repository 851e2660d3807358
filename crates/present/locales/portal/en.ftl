### tandoo — English catalog, portal part. Every key here must be in ky.ftl and ru.ftl of this part too.

## What the portal answers when it cannot give a page or a file (codes of its own, and the
## portal's wording of two the API shares).
portal-error-NOT_FOUND = nothing is published at { $path }
portal-error-BAD_DATE = "{ $date }" is not a date: write it as YYYY-MM-DD, for example 2026-01-01
api-PAST_BUSY = too many readers are asking for past dates at the moment; try again in a minute
api-PAST_LATE = the results as of { $date } are still being prepared; try again in a minute
api-STOPPING = the server is stopping; try again in a minute
api-TOO_MANY_STREAMS = too many pages follow the results at the moment; reload the page to see the latest figures
