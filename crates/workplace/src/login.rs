//! The login page: a user name and a password, nothing else to solve (WCAG 3.3.8), and when
//! a login failed, why, at the top where the focus lands.

use maud::html;

use crate::address;
use crate::frame::document;
use crate::screen::Screen;

/// Why the login page is shown again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoginProblem {
    /// Unknown user, wrong password or disabled account: deliberately one answer.
    BadCredentials,
    /// Too many failed logins; try again after this many minutes.
    Throttled { minutes: i64 },
    /// The session ended (idle or too long) and the screen asked for needs a new login.
    SessionEnded,
    /// The form was sent from another site's page.
    ForeignForm,
}

/// The login page, with the user name typed before (when a login failed).
pub fn page(screen: &Screen, problem: Option<LoginProblem>, user: &str) -> String {
    let title = screen.word("login-title");
    let main = html! {
        @if let Some(problem) = problem {
            div.problem role="alert" tabindex="-1" #problem {
                h2 { (screen.word("problem-heading")) }
                p { (sentence(screen, problem)) }
            }
        }
        form.login method="post" action=(address::LOGIN) {
            div.field {
                label for="user" { (screen.word("login-user")) }
                input #user name="user" type="text" autocomplete="username" required
                    autocapitalize="none" spellcheck="false" value=(user)
                    autofocus[problem.is_none()];
            }
            div.field {
                label for="password" { (screen.word("login-password")) }
                input #password name="password" type="password"
                    autocomplete="current-password" required;
            }
            button type="submit" { (screen.word("login-submit")) }
        }
    };
    document(screen, None, &title, main)
}

fn sentence(screen: &Screen, problem: LoginProblem) -> String {
    match problem {
        LoginProblem::BadCredentials => screen.word("login-bad-credentials"),
        LoginProblem::Throttled { minutes } => {
            let mut args = tandoo_present::FluentArgs::new();
            args.set("minutes", minutes);
            screen.say("login-throttled", &args)
        }
        LoginProblem::SessionEnded => screen.word("login-session-ended"),
        LoginProblem::ForeignForm => screen.word("foreign-form"),
    }
}
