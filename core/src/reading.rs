//! Reading a document from its JSON text, the documents' way in: the size limits, the parse,
//! the document's own checks, confidential values withheld from the problems (2.2.5), and the
//! message for people of each problem. The documents (`dossier`, `policy`) check themselves;
//! this module, above them and above the field classes and messages it uses, reads them.

use crate::confidentiality::classes::withhold_value;
use crate::dossier::Dossier;
use crate::error::Error;
use crate::json::parse_json;
use crate::people_message::{Document, in_document, in_dossier, in_dossier_value};
use crate::policy::{Policy, PolicyDocument};

impl Dossier {
    /// Parses and checks a dossier, reporting every problem at once.
    ///
    /// Checks the shape (unknown fields, wrong types, impossible dates and times), then the
    /// organisation (1.1), unique IDs, references, intervals and overlaps. Records that can be
    /// set aside safely (outside the period or the person's assignment) are not errors here: the
    /// evaluation reports them as warnings.
    ///
    /// A problem in a confidential field (a ledger's subject, a name where a date should be)
    /// names the path and record but never quotes the value (2.2.5).
    pub fn from_json(text: &str) -> Result<Dossier, Error> {
        Dossier::read(text).map_err(|e| in_dossier(e, text))
    }

    fn read(text: &str) -> Result<Dossier, Error> {
        let withhold = |e: Error| e.map_problems(withhold_value);
        crate::limits::check_text(text)?;
        let dossier: Dossier = parse_json(text).map_err(withhold)?;
        dossier.check_size()?;
        dossier.validate().map_err(withhold)?;
        let mut dossier = dossier;
        dossier.canonicalise();
        Ok(dossier)
    }

    /// Checks what the policy decides about the dossier, every problem at once: how many grids
    /// a grid worker may hold at a time (`grids_per_worker`, 1.1) — with one, overlapping
    /// assignments and two work records of one person on one day are an `overlap`.
    /// Every evaluation under a policy calls it first.
    pub fn check_under(&self, policy: &Policy) -> Result<(), Error> {
        self.check_under_policy(policy.document().parameters.grids_per_worker.value)
            .map_err(|e| in_dossier_value(e, self))
    }
}

impl Policy {
    /// Parses and checks a policy document, reporting every problem at once.
    pub fn from_json(text: &str) -> Result<Policy, Error> {
        let read = || {
            crate::limits::check_text(text)?;
            let document: PolicyDocument = parse_json(text)?;
            Policy::from_document(document)
        };
        read().map_err(|e| in_document(e, text, Document::Policy))
    }
}
