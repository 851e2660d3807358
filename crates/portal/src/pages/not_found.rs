//! The page a reader gets for an address where nothing is published: what happened, in the
//! reader's language, and the way back to the results. A live server answers it with 404;
//! a static server is told to (`error_page 404 /404.html` with nginx).

use maud::html;

use super::page::Page;
use crate::address;

pub fn render(page: &Page) -> String {
    let title = page.word("not-found-title");
    let main = html! {
        p { (page.word("not-found-text")) }
        p { a href=(page.link(address::RESULTS)) { (page.word("nav-results")) } }
    };
    super::layout::document(page, &title, &[], main)
}
