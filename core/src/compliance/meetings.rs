//! Meetings (2.1.0, 2.1.10): dispatch meetings convened by the grid leader, morning, weekly and
//! quarterly joint meetings, counted per community; a dispatch meeting convened by someone else
//! is a warning and not counted.

use super::*;

impl<'a> Context<'a> {
    /// The meetings of the period by community and kind (2.1.0, 2.1.10).
    pub(super) fn load_meetings(&mut self) {
        let r = &self.dossier.records;
        for (i, m) in r.meetings.iter().enumerate() {
            if !self.in_period(m.date, &m.id, &At::new("records.meetings", i)) {
                continue;
            }
            if m.kind == crate::records::MeetingKind::Dispatch {
                // 2.1.0: the grid leader (the Party secretary, 1.1) convenes the dispatch meeting.
                let secretary = self
                    .index
                    .community(&m.community)
                    .map(|c| c.party_secretary.as_str());
                if m.chair.is_none() || m.chair.as_deref() != secretary {
                    let by = m.chair.as_deref().map_or_else(
                        || "names no convener".to_owned(),
                        |c| format!("was convened by `{c}`"),
                    );
                    self.warnings.push(Warning {
                        kind: WarningKind::NotConvenedByGridLeader,
                        message: format!(
                            "dispatch meeting `{}` {by}, not by the grid leader of `{}` (2.1.0), and is not counted",
                            m.id, m.community
                        ),
                        record: m.id.clone(),
                        path: format!("records.meetings[{i}].chair"),
                    });
                    continue;
                }
            }
            let kind = match m.kind {
                crate::records::MeetingKind::Dispatch => CountedRecord::DispatchMeeting,
                crate::records::MeetingKind::Morning => CountedRecord::MorningMeeting,
                crate::records::MeetingKind::Weekly => CountedRecord::WeeklyMeeting,
                crate::records::MeetingKind::QuarterlyJoint => CountedRecord::QuarterlyJointMeeting,
            };
            self.push_dated(&m.community, kind, m.date, &m.id);
        }
    }
}
