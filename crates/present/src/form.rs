//! The labels of a protocol form's lines in the reader's language, from the catalog keyed
//! by form and line code (`form-kyrgyz-L1`); see "Protocol forms in several languages" in
//! ARCHITECTURE.md. A form the catalog does not know (one a commission defined in its
//! command) is shown with the meanings the form itself gives.

use crate::{Language, catalog};
use tandoo_core::protocol::{AGAINST_ALL, CANDIDATES, ProtocolForm};

/// The catalog's key of a form it holds labels for. The form does not carry a code of its
/// own yet, so the built-in Kyrgyz form is known by its recorded name.
pub fn form_key(form: &ProtocolForm) -> Option<&'static str> {
    (form.name == ProtocolForm::kyrgyz().name).then_some("kyrgyz")
}

/// The form's title: «Протокол участковой избирательной комиссии об итогах голосования».
pub fn title(form: &ProtocolForm, language: Language) -> String {
    form_key(form)
        .and_then(|key| catalog::message(language, &format!("form-{key}"), None))
        .unwrap_or_else(|| form.name.clone())
}

/// The label of a line (`L1` … `L10`, `AA` for "against all", `candidates` for the votes
/// for the candidates) in `language`.
pub fn line_label(form: &ProtocolForm, code: &str, language: Language) -> String {
    let from_catalog = form_key(form)
        .and_then(|key| catalog::message(language, &format!("form-{key}-{code}"), None));
    from_catalog.unwrap_or_else(|| {
        form.lines
            .iter()
            .find(|line| line.code == code)
            .map(|line| line.meaning.clone())
            .unwrap_or_else(|| match code {
                CANDIDATES | AGAINST_ALL => {
                    catalog::text(language, &format!("form-kyrgyz-{code}"), None)
                }
                other => other.to_string(),
            })
    })
}

/// Every line of the form with its label, in the order printed on paper, then the line
/// "against all".
pub fn labelled_lines(form: &ProtocolForm, language: Language) -> Vec<(String, String)> {
    form.lines
        .iter()
        .map(|line| line.code.clone())
        .chain(std::iter::once(AGAINST_ALL.to_string()))
        .map(|code| {
            let label = line_label(form, &code, language);
            (code, label)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use tandoo_core::protocol::FormLine;

    #[test]
    fn the_kyrgyz_form_has_its_labels_in_three_languages() {
        let form = ProtocolForm::kyrgyz();
        assert_eq!(
            line_label(&form, "L2", Language::Ru),
            "число избирательных бюллетеней, полученных участковой избирательной комиссией"
        );
        assert_eq!(
            line_label(&form, "L9", Language::Ky),
            "жараксыз шайлоо бюллетендеринин саны"
        );
        assert_eq!(line_label(&form, "L10", Language::En), "valid ballots");
        assert_eq!(
            line_label(&form, "AA", Language::Ru),
            "число голосов «против всех»"
        );
        assert_eq!(
            line_label(&form, "AA", Language::Ky),
            "«баарына каршы» берилген добуштардын саны"
        );
        for language in Language::ALL {
            let lines = labelled_lines(&form, language);
            assert_eq!(lines.len(), 11, "L1–L10 and AA");
            for (code, label) in lines {
                assert!(
                    catalog::has(language, &format!("form-kyrgyz-{code}")),
                    "{language} lacks the label of {code}"
                );
                assert_ne!(label, code);
            }
        }
    }

    #[test]
    fn a_form_the_catalog_does_not_know_keeps_its_own_meanings() {
        let form = ProtocolForm {
            name: "Referendum protocol".into(),
            lines: vec![FormLine {
                code: "R1".into(),
                meaning: "ballots for yes".into(),
            }],
            ..ProtocolForm::kyrgyz()
        };
        assert_eq!(form_key(&form), None);
        assert_eq!(line_label(&form, "R1", Language::Ru), "ballots for yes");
        assert_eq!(title(&form, Language::Ky), "Referendum protocol");
        assert_eq!(
            title(&ProtocolForm::kyrgyz(), Language::Ru),
            "Протокол участковой избирательной комиссии об итогах голосования"
        );
    }
}
