//! The home screen: who is logged in, for which commission, in which role; what that role
//! may do (read from the permission table); and the account's language, kept for it.

use maud::html;
use tandoo_core::State;
use tandoo_core::permission::permissions;
use tandoo_present::{Language, words};

use crate::address;
use crate::frame::document;
use crate::screen::Screen;

/// The home screen; `saved` says the language was just kept.
pub fn page(screen: &Screen, state: &State, saved: bool) -> String {
    let Some(viewer) = screen.viewer else {
        return String::new();
    };
    let language = screen.language;
    let title = screen.word("home-title");
    let commission = state.commissions.get(&viewer.commission);
    let main = html! {
        @if saved {
            p.notice role="status" { (screen.word("language-saved")) }
        }
        dl.facts {
            dt { (screen.word("home-user")) } dd { bdi { (viewer.user) } }
            dt { (screen.word("home-role")) } dd { (words::role(viewer.role, language)) }
            dt { (screen.word("home-commission")) }
            dd {
                bdi { (commission.map_or_else(|| viewer.commission.to_string(),
                    |c| tandoo_present::written::text(&c.name, language).to_owned())) }
            }
        }
        section aria-labelledby="may-heading" {
            h2 #may-heading { (screen.word("home-may")) }
            @let allowed: Vec<_> = permissions().filter(|(_, p)| p.allows(viewer.role)).collect();
            @if allowed.is_empty() {
                p { (screen.word("home-may-nothing")) }
            } @else {
                ul {
                    @for (kind, _) in allowed {
                        li { (words::command_action(kind, language)) }
                    }
                }
            }
        }
        section aria-labelledby="language-heading" {
            h2 #language-heading { (screen.word("language-heading")) }
            form method="post" action=(address::LANGUAGE) {
                input type="hidden" name="csrf" value=(viewer.csrf_token);
                fieldset {
                    legend { (screen.word("language-legend")) }
                    @for choice in Language::ALL {
                        div.choice {
                            input type="radio" name="language" value=(choice.code())
                                id=(format!("language-{}", choice.code()))
                                checked[choice == language];
                            label for=(format!("language-{}", choice.code())) lang=(choice.code()) {
                                (screen.word(&format!("language-{}", choice.code())))
                            }
                        }
                    }
                }
                button type="submit" { (screen.word("language-save")) }
            }
        }
    };
    document(screen, Some(state), &title, main)
}
