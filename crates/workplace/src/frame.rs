//! The frame of every screen: the document's language, the stylesheet and script, a skip
//! link, who is logged in (user, role, commission) with the logout button, the language
//! switch, the menu of the screens the viewer may open, and the screen's one `h1`.

use maud::{DOCTYPE, Markup, html};
use tandoo_core::State;
use tandoo_present::{Language, words, written};

use crate::screen::Screen;
use crate::{address, menu};

/// A whole HTML document for `screen`: `title` names it in the browser's tab and is its one
/// `h1`; `main` follows.
pub fn document(screen: &Screen, state: Option<&State>, title: &str, main: Markup) -> String {
    framed(screen, state, Title::Words(title), main)
}

/// A document titled by a name the commission registered (a candidate's): isolated from
/// the text around it, so that a name in a right-to-left script, or one that ends in a
/// direction mark, cannot turn the words beside it around.
pub fn document_named(screen: &Screen, state: Option<&State>, name: &str, main: Markup) -> String {
    framed(screen, state, Title::Name(name), main)
}

#[derive(Clone, Copy)]
enum Title<'t> {
    Words(&'t str),
    Name(&'t str),
}

fn framed(screen: &Screen, state: Option<&State>, title: Title<'_>, main: Markup) -> String {
    let language = screen.language;
    let markup = html! {
        (DOCTYPE)
        html lang=(language.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="robots" content="noindex";
                title {
                    @match title {
                        // A `title` holds only text: Unicode's first-strong isolate and
                        // its pop do there what `bdi` does in the page.
                        Title::Words(words) => { (words) }
                        Title::Name(name) => { "\u{2068}" (name) "\u{2069}" }
                    }
                    " — " (screen.word("app-name"))
                }
                link rel="stylesheet" href=(address::STYLESHEET);
                link rel="icon" type="image/svg+xml" href=(address::ICON);
                script src=(address::SCRIPT) defer {}
            }
            body {
                a.skip href="#main" { (screen.word("skip-to-content")) }
                header.bar {
                    p.app-name { a href=(address::HOME) { (screen.word("app-name")) } }
                    @if let Some(viewer) = screen.viewer {
                        p.who {
                            span.user { bdi { (viewer.user) } }
                            " · " (words::role(viewer.role, language))
                            " · " bdi { (commission_name(screen, state)) }
                        }
                        form.logout method="post" action=(address::LOGOUT) {
                            input type="hidden" name="csrf" value=(viewer.csrf_token);
                            button type="submit" { (screen.word("logout")) }
                        }
                    }
                    (languages(screen))
                }
                @if let Some(viewer) = screen.viewer {
                    nav.menu aria-label=(screen.word("menu-label")) {
                        ul {
                            @for item in menu::items(viewer.role) {
                                // The screen's path without its query: a screen chosen by
                                // one (`/staff/stations?constituency=13`) is its item's too.
                                @let path = screen.path.split('?').next().unwrap_or_default();
                                @let current = path == item.path
                                    || path.starts_with(&format!("{}/", item.path))
                                        && item.path != address::HOME;
                                li {
                                    a href=(item.path) aria-current=[current.then_some("page")] {
                                        (screen.word(&format!("menu-{}", item.key)))
                                    }
                                }
                            }
                        }
                    }
                }
                main #main tabindex="-1" {
                    @match title {
                        Title::Words(words) => h1 { (words) },
                        Title::Name(name) => h1 { bdi { (name) } },
                    }
                    (main)
                }
            }
        }
    };
    markup.into_string()
}

fn commission_name(screen: &Screen, state: Option<&State>) -> String {
    let Some(viewer) = screen.viewer else {
        return String::new();
    };
    state
        .and_then(|s| s.commissions.get(&viewer.commission))
        .map(|c| written::text(&c.name, screen.language).to_owned())
        .unwrap_or_else(|| viewer.commission.to_string())
}

fn languages(screen: &Screen) -> Markup {
    html! {
        nav.languages aria-label=(screen.word("languages-label")) {
            ul {
                @for language in Language::ALL {
                    li {
                        a href=(screen.in_language(language)) lang=(language.code())
                            hreflang=(language.code())
                            aria-current=[(language == screen.language).then_some("true")] {
                            (screen.word(&format!("language-{}", language.code())))
                        }
                    }
                }
            }
        }
    }
}

/// A screen that only says something: a refusal, a page not found. `title` and `text` are
/// catalog keys.
pub fn message(screen: &Screen, state: Option<&State>, title: &str, text: &str) -> String {
    let main = html! {
        p { (screen.word(text)) }
        @if screen.viewer.is_some() {
            p { a href=(address::HOME) { (screen.word("back-home")) } }
        }
    };
    document(screen, state, &screen.word(title), main)
}
