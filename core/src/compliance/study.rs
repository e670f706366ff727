//! Study (3.5): group studies held by the community and attended, self-study, and the Party
//! secretary's monthly review of each worker's notebook.

use super::*;

impl<'a> Context<'a> {
    /// The group studies, self-studies and notebook reviews of the period (3.5); a review by
    /// someone other than the worker's community Party secretary is a warning and not counted.
    pub(super) fn load_studies(&mut self) {
        let r = &self.dossier.records;
        for (i, s) in r.group_studies.iter().enumerate() {
            if !self.in_period(s.date, &s.id, &At::new("records.group_studies", i)) {
                continue;
            }
            self.push_dated(&s.community, CountedRecord::GroupStudy, s.date, &s.id);
            let unique: BTreeSet<&str> = s.attendees.iter().map(String::as_str).collect();
            for p in unique {
                self.push_dated(p, CountedRecord::GroupStudyAttendance, s.date, &s.id);
            }
        }
        for (i, s) in r.self_studies.iter().enumerate() {
            if self.in_period(s.date, &s.id, &At::new("records.self_studies", i)) {
                self.push_dated(&s.person, CountedRecord::SelfStudy, s.date, &s.id);
            }
        }
        for (i, s) in r.notebook_reviews.iter().enumerate() {
            let path = At::new("records.notebook_reviews", i);
            if !self.in_period(s.date, &s.id, &path) {
                continue;
            }
            // 3.5: 社区书记每月审阅 — only the worker's community Party secretary's review counts.
            let community = self.index.person(&s.person).map(|p| p.community.as_str());
            let secretary = community
                .and_then(|c| self.index.community(c))
                .map(|c| c.party_secretary.as_str());
            if secretary != Some(s.reviewer.as_str()) {
                self.warnings.push(Warning {
                    kind: WarningKind::NotReviewedBySecretary,
                    message: format!(
                        "notebook review `{}` of `{}` is by `{}`, not by the Party secretary of `{}` (3.5), and is not counted",
                        s.id,
                        s.person,
                        s.reviewer,
                        community.unwrap_or_default()
                    ),
                    record: s.id.clone(),
                    path: format!("{path}.reviewer"),
                });
                continue;
            }
            self.push_dated(&s.person, CountedRecord::NotebookReview, s.date, &s.id);
        }
    }

    /// 3.5: the secretary's monthly review of each worker's notebook — one finding per period
    /// for the grid leader, naming the workers due a review who had none. The workers lose
    /// nothing: the duty is the secretary's (1.1).
    pub(super) fn review_findings(
        &self,
        o: &Obligation,
        leader: &Person,
        minimum: i64,
    ) -> Vec<Finding> {
        let workers = self.scope.workers_of(&leader.community);
        let mut out = Vec::new();
        for range in self.instances(o, Some(&leader.id)) {
            let mut f = self.finding(o, range);
            let mut due = 0i64;
            let mut missing = Vec::new();
            for w in workers {
                if self.applies(w, range).is_err() {
                    continue;
                }
                due += 1;
                let found = self.count_in(&w.id, CountedRecord::NotebookReview, range);
                f.evidence
                    .extend(found.iter().map(|(_, id)| (*id).to_owned()));
                if i64::try_from(found.len()).unwrap_or(i64::MAX) < minimum {
                    missing.push(*w);
                }
            }
            if due == 0 {
                self.excuse(&mut f, Excuse::NotAssigned, Vec::new());
            } else if !missing.is_empty() {
                let zh: Vec<String> = missing
                    .iter()
                    .map(|w| format!("{}（{}）", w.name, w.id))
                    .collect();
                let codes: Vec<String> = missing.iter().map(|w| w.id.clone()).collect();
                let n = i64::try_from(missing.len()).unwrap_or(i64::MAX);
                let en = format!(
                    "the secretary reviewed with a comment fewer than {minimum} time(s) the notebooks of {n} of {due} workers: {}",
                    codes.join(", ")
                );
                self.miss(
                    &mut f,
                    Shortfall {
                        unit: Unit::Workers,
                        required: due,
                        actual: due - n,
                        missing: codes,
                    },
                    format!(
                        "社区书记未审阅点评{n}名网格员（共{due}名）的学习笔记（每人应至少{minimum}次）：{}",
                        zh.join("、")
                    ),
                    en,
                );
            }
            out.push(f);
        }
        out
    }
}
