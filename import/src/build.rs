//! The import itself: read every file, sort its sheets into roster, records and attendance,
//! resolve people, communities and grids, settle punches, check the whole against the core,
//! and give a dossier or every problem.

use crate::cell::{When, WhenError, split_list, when};
use crate::header::{self, Row};
use crate::problem::{Loc, ProblemKind, Sink};
use crate::punches::{self, RawPunch, Shape};
use crate::read::{self, Table};
use crate::template::{self, MUST_CHECK_COLS, MUST_DO_COLS, SheetDef, SheetKind};
use crate::{ImportErrors, ImportOptions, ImportSummary, Imported, InputFile};
use std::collections::BTreeMap;
use wangge::attendance::{ClockDirection, ClockEvent, LeaveKind};
use wangge::evidence::problem::{ProblemReport, ProblemStep, ReportChannel, StepKind};
use wangge::organisation::{
    Assignment, Community, Grid, HelperKind, Organisation, Person, Role, Subdistrict,
};
use wangge::records::{
    DutyShift, GroupStudy, Leave, Meeting, MeetingKind, MustVisit, NotebookReview, PatrolSession,
    ProblemCategory, ProblemFound, Records, SelfStudy, Visit, WorkRecord,
};
use wangge::{Calendar, Date, DateRange, Dossier, LocalTime};

/// A table with where it came from.
struct Source {
    file: String,
    table: Table,
}

impl Source {
    fn loc(&self) -> Loc {
        Loc::file(&self.file).sheet(self.table.sheet.as_deref())
    }
}

struct Builder<'o> {
    options: &'o ImportOptions,
    calendar: Calendar,
    sink: Sink,
    summary: ImportSummary,
    subdistrict: Option<Subdistrict>,
    communities: Vec<Community>,
    grids: Vec<(Grid, String)>,
    people: Vec<Person>,
    ext: BTreeMap<String, usize>,
    /// People by ID and by name (indexes into `people`).
    by_id: BTreeMap<String, usize>,
    by_name: BTreeMap<String, Vec<usize>>,
    /// Each person's assignments (indexes into `assignments`).
    assigned: BTreeMap<String, Vec<usize>>,
    assignments: Vec<Assignment>,
    records: Records,
    /// Where each record and roster entry came from, by ID.
    prov: BTreeMap<String, Loc>,
    /// Every dated record row, for the period.
    dated: Vec<Date>,
    seq: BTreeMap<&'static str, usize>,
    /// Leave by person: (from, to, where).
    leave: BTreeMap<String, Vec<(Date, Date, Loc)>>,
}

enum Who {
    One(String),
    Unknown,
    Ambiguous(usize),
}

pub(crate) fn run(
    files: &[InputFile<'_>],
    options: &ImportOptions,
) -> Result<Imported, ImportErrors> {
    let mut b = Builder {
        options,
        calendar: options.calendar.clone().unwrap_or_else(Calendar::national),
        sink: crate::problem::Sink::new(options.lang),
        summary: ImportSummary::default(),
        subdistrict: None,
        communities: Vec::new(),
        grids: Vec::new(),
        people: Vec::new(),
        ext: BTreeMap::new(),
        by_id: BTreeMap::new(),
        by_name: BTreeMap::new(),
        assigned: BTreeMap::new(),
        assignments: Vec::new(),
        records: Records::default(),
        prov: BTreeMap::new(),
        dated: Vec::new(),
        seq: BTreeMap::new(),
        leave: BTreeMap::new(),
    };
    let names: Vec<&str> = files.iter().map(|f| f.name).collect();
    // 1. Read every file.
    let mut sources = Vec::new();
    for f in files {
        b.summary.files += 1;
        if let Some(tables) = read::read(f.name, f.bytes, &mut b.sink) {
            for table in tables {
                sources.push(Source {
                    file: f.name.to_owned(),
                    table,
                });
            }
        }
    }
    // 2. Sort the sheets.
    let mut by_kind: BTreeMap<SheetKind, Vec<(&Source, &'static SheetDef)>> = BTreeMap::new();
    let mut exports: Vec<(&Source, Shape)> = Vec::new();
    let mut used_per_file: BTreeMap<&str, usize> = BTreeMap::new();
    let mut tables_per_file: BTreeMap<&str, usize> = BTreeMap::new();
    for s in &sources {
        *tables_per_file.entry(s.file.as_str()).or_default() += 1;
        let name = s.table.sheet.clone().unwrap_or_else(|| stem(&s.file));
        if name == "说明" {
            continue;
        }
        if let Some(def) = template::by_name(&name) {
            if s.table.is_empty() {
                b.sink.push(
                    &s.loc(),
                    ProblemKind::EmptySheet,
                    "工作表是空的（连表头也没有）".to_owned(),
                    "the sheet is empty (not even a header)".to_owned(),
                );
            }
            by_kind.entry(def.kind).or_default().push((s, def));
            *used_per_file.entry(s.file.as_str()).or_default() += 1;
            b.summary
                .read_as
                .push(format!("{}: {}", s.loc().place(options.lang), def.name()));
            continue;
        }
        if s.table.is_empty() {
            continue;
        }
        match punches::classify(&s.table, &options.column_maps) {
            Some(shape) => {
                b.summary.read_as.push(format!(
                    "{}: {}",
                    s.loc().place(options.lang),
                    shape.label()
                ));
                exports.push((s, shape));
                *used_per_file.entry(s.file.as_str()).or_default() += 1;
            }
            None => {
                let merged = s.table.merged.iter().any(|(r0, c0, r1, c1)| {
                    (*r0 as usize) < header::HEADER_SEARCH_ROWS && (c1 > c0 || r1 > r0)
                });
                if merged {
                    // Report it as the header's problem, where it lies.
                    let wants = vec![crate::header::Want::new("name", &["姓名"], true)];
                    let _ = header::find(&s.table, &wants, &s.loc(), &mut b.sink);
                    if !b
                        .sink
                        .list
                        .last()
                        .is_some_and(|p| p.kind == ProblemKind::MergedHeader && p.file == s.file)
                    {
                        b.sink.list.pop();
                        merged_somewhere(&s.table, &s.loc(), &mut b.sink);
                    }
                } else {
                    b.sink.push(
                        &s.loc(),
                        ProblemKind::UnknownSheet,
                        "不认识这张表：既不是模板中的工作表（见 说明），也不是已知的考勤导出（钉钉、企业微信、列映射、月报、最早/最晚打卡）".to_owned(),
                        "unknown sheet: neither a template sheet nor a known attendance export (DingTalk, WeCom, a column map, a month grid, earliest/latest punches)".to_owned(),
                    );
                }
                *used_per_file.entry(s.file.as_str()).or_default() += 1;
            }
        }
    }
    for f in files {
        if tables_per_file.contains_key(f.name) && !used_per_file.contains_key(f.name) {
            b.sink.push(
                &Loc::file(f.name),
                ProblemKind::EmptySheet,
                "文件中没有任何数据（工作表都是空的）".to_owned(),
                "the file holds no data (every sheet is empty)".to_owned(),
            );
        }
    }
    b.summary.sheets = by_kind.values().map(Vec::len).sum::<usize>() + exports.len();

    // 3. The roster, in dependency order.
    let list = |k: SheetKind| by_kind.get(&k).cloned().unwrap_or_default();
    for (s, def) in list(SheetKind::Subdistrict) {
        b.sheet(s, def, Builder::subdistrict);
    }
    for kind in [SheetKind::Communities, SheetKind::People] {
        if !by_kind.contains_key(&kind) {
            let name = template::def(kind).map_or("", SheetDef::name);
            b.sink.push(
                &Loc::file(&files.first().map_or(String::new(), |f| f.name.to_owned())),
                ProblemKind::MissingSheet,
                format!("缺少花名册工作表“{name}”：导入需要社区和人员（见模板）"),
                format!("the roster sheet `{name}` is missing: an import needs communities and people (see the template)"),
            );
        }
    }
    let mut secretaries = Vec::new();
    for (s, def) in list(SheetKind::Communities) {
        b.sheet(s, def, |b, row, def| {
            b.community(row, def, &mut secretaries)
        });
    }
    for (s, def) in list(SheetKind::Grids) {
        b.sheet(s, def, Builder::grid);
    }
    for (s, def) in list(SheetKind::People) {
        b.sheet(s, def, Builder::person);
    }
    b.summary.people = b.people.len();
    for (i, text, loc, responsible) in secretaries {
        let cid = b.communities.get(i).map(|c| c.id.clone());
        if let Some(id) = b.who(&text, cid.as_deref(), &loc) {
            if let Some(c) = b.communities.get_mut(i) {
                if responsible {
                    c.responsible_person = Some(id);
                } else {
                    c.party_secretary = id;
                }
            }
        }
    }
    for (s, def) in list(SheetKind::Assignments) {
        b.sheet(s, def, Builder::assignment);
    }
    // 4. Records: leave and duty first, which the punches need.
    for kind in [
        SheetKind::Leave,
        SheetKind::DutyShifts,
        SheetKind::WorkRecords,
        SheetKind::Meetings,
        SheetKind::GroupStudies,
        SheetKind::SelfStudies,
        SheetKind::NotebookReviews,
        SheetKind::Problems,
    ] {
        for (s, def) in list(kind) {
            match kind {
                SheetKind::Leave => b.sheet(s, def, Builder::leave),
                SheetKind::DutyShifts => b.sheet(s, def, Builder::duty),
                SheetKind::WorkRecords => b.sheet(s, def, Builder::work_record),
                SheetKind::Meetings => b.sheet(s, def, Builder::meeting),
                SheetKind::GroupStudies => b.sheet(s, def, Builder::group_study),
                SheetKind::SelfStudies => b.sheet(s, def, Builder::self_study),
                SheetKind::NotebookReviews => b.sheet(s, def, Builder::notebook_review),
                _ => b.sheet(s, def, Builder::problem),
            }
        }
    }
    // 5. Attendance exports.
    let month = options.period.map(|p| p.from);
    let mut raw: Vec<RawPunch> = Vec::new();
    for (s, shape) in &exports {
        let before = b.sink.list.len();
        let got = punches::read(&s.table, shape, &s.loc(), month, &mut b.sink);
        if got.is_empty() && b.sink.list.len() == before {
            b.sink.push(
                &s.loc(),
                ProblemKind::EmptySheet,
                "考勤导出中没有一条打卡记录".to_owned(),
                "the attendance export holds no punch".to_owned(),
            );
        }
        b.summary.rows += got.len();
        raw.extend(got);
    }
    b.punches(raw);

    // 6. The period, then the core's own checks.
    let period = match options.period {
        Some(p) => Some(p),
        None => {
            let first = b.dated.iter().min().copied();
            let last = b.dated.iter().max().copied();
            match (first, last) {
                (Some(f), Some(l)) => month_span(f, l),
                _ => {
                    if b.sink.is_empty() {
                        b.sink.push(
                            &Loc::file(&files.first().map_or(String::new(), |f| f.name.to_owned())),
                            ProblemKind::MissingValue,
                            "没有任何带日期的记录，无法确定期间：请给出导入期间".to_owned(),
                            "no dated record to tell the period by: give the import period"
                                .to_owned(),
                        );
                    }
                    None
                }
            }
        }
    };
    if !b.sink.is_empty() {
        return Err(ImportErrors {
            problems: b.sink.finish_in(&names),
        });
    }
    let Some(period) = period else {
        return Err(ImportErrors {
            problems: b.sink.finish_in(&names),
        });
    };
    let dossier = Dossier {
        period,
        organisation: Organisation {
            subdistrict: b.subdistrict.clone().unwrap_or(Subdistrict {
                id: "sd".to_owned(),
                name: "街道".to_owned(),
            }),
            communities: b.assemble_communities(),
            people: b.people.clone(),
            assignments: b.assignments.clone(),
            divisions: Vec::new(),
        },
        records: b.records.clone(),
    };
    let json = wangge::to_json(&dossier);
    match Dossier::from_json(&json) {
        Ok(d) => {
            let mut summary = b.summary;
            summary.punches = d.records.clock_events.len();
            Ok(Imported {
                dossier: d,
                summary,
            })
        }
        Err(e) => {
            for p in e.problems() {
                let loc = p
                    .record
                    .as_ref()
                    .and_then(|r| b.prov.get(r))
                    .cloned()
                    .unwrap_or_else(|| {
                        Loc::file(&files.first().map_or(String::new(), |f| f.name.to_owned()))
                    });
                let path = p.path.clone().unwrap_or_default();
                b.sink.push(
                    &loc,
                    ProblemKind::Dossier,
                    format!("整体校验未通过（{path}）：{}", p.message),
                    format!(
                        "the assembled dossier fails a check ({path}): {}",
                        p.message
                    ),
                );
            }
            Err(ImportErrors {
                problems: b.sink.finish_in(&names),
            })
        }
    }
}

fn stem(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.rsplit_once('.').map_or(base, |(s, _)| s).to_owned()
}

fn month_span(first: Date, last: Date) -> Option<DateRange> {
    let from = Date::from_ymd(first.year(), first.month(), 1)?;
    let (y, m) = if last.month() == 12 {
        (last.year() + 1, 1)
    } else {
        (last.year(), last.month() + 1)
    };
    let to = Date::from_ymd(y, m, 1)?.add_days(-1)?;
    Some(DateRange::new(from, to))
}

fn merged_somewhere(table: &Table, loc: &Loc, sink: &mut Sink) {
    if let Some((r0, c0, r1, c1)) = table.merged.first() {
        let range = format!(
            "{}{}:{}{}",
            crate::cell::letters(*c0 as usize),
            r0 + 1,
            crate::cell::letters(*c1 as usize),
            r1 + 1
        );
        sink.push(
            &loc.row(r0 + 1),
            ProblemKind::MergedHeader,
            format!("表头有合并单元格（{range}），认不出列：请取消合并，每一列写一个列名"),
            format!("the header has merged cells ({range}) and its columns cannot be told: unmerge them and give each column its own heading"),
        );
    }
}

fn ticked(text: &str) -> Option<bool> {
    let t = text.trim();
    if t.is_empty()
        || [
            "×", "✗", "否", "N", "n", "no", "No", "0", "FALSE", "false", "无", "未",
        ]
        .contains(&t)
    {
        Some(false)
    } else if [
        "√", "✓", "✔", "是", "Y", "y", "yes", "Yes", "1", "TRUE", "true", "有", "已",
    ]
    .contains(&t)
    {
        Some(true)
    } else {
        None
    }
}

fn role(text: &str) -> Option<Role> {
    match text {
        "网格长" | "grid_leader" => Some(Role::GridLeader),
        "网格员" | "专职网格员" | "兼职网格员" | "grid_worker" => {
            Some(Role::GridWorker)
        }
        "协助人员" | "helper" => Some(Role::Helper),
        _ => None,
    }
}

fn helper_kind(text: &str) -> Option<HelperKind> {
    use HelperKind::*;
    let all = [
        BuildingHead,
        UnitHead,
        EmployedPartyMember,
        RetiredPartyMember,
        AreaPolice,
        PropertyCompanyPartyMember,
        Volunteer,
        Other,
    ];
    all.into_iter()
        .find(|k| k.label_zh() == text)
        .or(match text {
            "退休党员" => Some(RetiredPartyMember),
            "片区民警" | "片区辅警" | "民警" | "辅警" => Some(AreaPolice),
            "物业党员" => Some(PropertyCompanyPartyMember),
            "辖区志愿者" => Some(Volunteer),
            _ => None,
        })
}

fn meeting_kind(text: &str) -> Option<MeetingKind> {
    match text {
        "调度会" | "调度会议" | "dispatch" => Some(MeetingKind::Dispatch),
        "晨会" | "morning" => Some(MeetingKind::Morning),
        "每周例会" | "周例会" | "例会" | "weekly" => Some(MeetingKind::Weekly),
        "季度联席会议" | "联席会议" | "联席会" | "quarterly_joint" => {
            Some(MeetingKind::QuarterlyJoint)
        }
        _ => None,
    }
}

fn leave_kind(text: &str) -> Option<LeaveKind> {
    if text.is_empty() || text == "未注明" {
        return Some(LeaveKind::Unspecified);
    }
    LeaveKind::ALL
        .into_iter()
        .find(|k| k.label_zh() == text)
        .or(match text {
            "年假" | "年休" => Some(LeaveKind::Annual),
            "出差" => Some(LeaveKind::OfficialBusiness),
            _ => None,
        })
}

fn must_visit(text: &str) -> Option<MustVisit> {
    MustVisit::ALL.into_iter().find(|g| g.label_zh() == text)
}

impl<'o> Builder<'o> {
    fn next_id(&mut self, prefix: &'static str) -> String {
        let n = self.seq.entry(prefix).or_default();
        *n += 1;
        format!("{prefix}-{n:05}")
    }

    /// Reads every data row of a template sheet with `f`.
    fn sheet(&mut self, s: &Source, def: &SheetDef, f: impl FnMut(&mut Self, &Row<'_>, &SheetDef)) {
        let mut f = f;
        if s.table.is_empty() {
            return;
        }
        let Some(h) = header::find(&s.table, &def.wants(), &s.loc(), &mut self.sink) else {
            return;
        };
        let rows = header::rows(&s.table, &h, &s.loc());
        if rows.is_empty() && matches!(def.kind, SheetKind::Communities | SheetKind::People) {
            self.sink.push(
                &s.loc(),
                ProblemKind::EmptySheet,
                "表头下面没有数据行".to_owned(),
                "there are no rows under the header".to_owned(),
            );
        }
        self.summary.rows += rows.len();
        for row in &rows {
            f(self, row, def);
        }
    }

    fn value(&self, row: &Row<'_>, key: &str, def: &SheetDef) -> String {
        let t = row.text(key);
        if def.col(key).is_some_and(|c| c.confidential) {
            String::new()
        } else {
            t
        }
    }

    /// A required text; a problem when empty.
    fn required(&mut self, row: &Row<'_>, key: &str) -> Option<String> {
        let t = row.text(key);
        if t.is_empty() {
            self.sink.push(
                &row.loc(key),
                ProblemKind::MissingValue,
                "必填，不能为空".to_owned(),
                "required, must not be empty".to_owned(),
            );
            None
        } else {
            Some(t)
        }
    }

    fn optional(row: &Row<'_>, key: &str) -> Option<String> {
        let t = row.text(key);
        (!t.is_empty()).then_some(t)
    }

    /// A date cell. `record`: the date of a record, checked against the calendar and period.
    fn date(&mut self, row: &Row<'_>, key: &str, required: bool, record: bool) -> Option<Date> {
        match when(row.cell(key)) {
            Ok(Some(When { date: Some(d), .. })) => {
                if record && self.check_day(d, &row.loc(key)) {
                    self.dated.push(d);
                }
                Some(d)
            }
            Ok(Some(_)) => {
                punches::bad_date(
                    &row.loc(key),
                    &row.text(key),
                    WhenError::Shape,
                    &mut self.sink,
                );
                None
            }
            Ok(None) => {
                if required {
                    self.required(row, key);
                }
                None
            }
            Err(e) => {
                punches::bad_date(&row.loc(key), &row.text(key), e, &mut self.sink);
                None
            }
        }
    }

    /// Checks a record's day against the calendar and the period; true when fine.
    fn check_day(&mut self, d: Date, loc: &Loc) -> bool {
        if !self.calendar.knows_year(d.year()) {
            let years: Vec<i32> = self.calendar.years().collect();
            let span = match (years.first(), years.last()) {
                (Some(a), Some(b)) => format!("{a}–{b}"),
                _ => String::new(),
            };
            self.sink.push(
                loc,
                ProblemKind::OutsideCalendar,
                format!("日期 {d} 不在日历范围内（日历只有 {span} 年）"),
                format!("the date {d} is outside the calendar (it knows the years {span})"),
            );
            return false;
        }
        if let Some(p) = self.options.period {
            if !p.contains(d) {
                self.sink.push(
                    loc,
                    ProblemKind::OutsidePeriod,
                    format!("日期 {d} 不在导入期间 {} 至 {} 内（导出的月份不对？）", p.from, p.to),
                    format!("the date {d} is outside the import period {} to {} (an export of the wrong month?)", p.from, p.to),
                );
                return false;
            }
        }
        true
    }

    /// A time cell; a date-time gives its own date, else `day`.
    fn moment(&mut self, row: &Row<'_>, key: &str, day: Date) -> Option<(Date, LocalTime)> {
        match when(row.cell(key)) {
            Ok(Some(When {
                time: Some(t),
                date,
                next_day,
                ..
            })) => {
                let d = date.unwrap_or(day);
                let d = if next_day {
                    d.add_days(1).unwrap_or(d)
                } else {
                    d
                };
                Some((d, t))
            }
            Ok(None) => None,
            Err(WhenError::NoSuchDate) => {
                punches::bad_date(
                    &row.loc(key),
                    &row.text(key),
                    WhenError::NoSuchDate,
                    &mut self.sink,
                );
                None
            }
            _ => {
                let t = row.text(key);
                self.sink.push(
                    &row.loc(key),
                    ProblemKind::InvalidTime,
                    format!("'{t}' 不是时间（应为 09:10 或 2023-04-03 09:10）"),
                    format!("`{t}` is not a time (expected 09:10 or 2023-04-03 09:10)"),
                );
                None
            }
        }
    }

    fn community_id(&self, text: &str) -> Option<String> {
        self.communities
            .iter()
            .find(|c| c.id == text)
            .or_else(|| self.communities.iter().find(|c| c.name == text))
            .map(|c| c.id.clone())
    }

    fn community_of(&mut self, row: &Row<'_>, key: &str) -> Option<String> {
        let t = row.text(key);
        if t.is_empty() {
            return None;
        }
        let found = self.community_id(&t);
        if found.is_none() {
            self.sink.push(
                &row.loc(key),
                ProblemKind::UnknownReference,
                format!("'{t}' 不是花名册中的社区"),
                format!("`{t}` is not a community of the roster"),
            );
        }
        found
    }

    /// The community of a record: its column, else the person's, else the only one.
    fn record_community(&mut self, row: &Row<'_>, person: Option<&str>) -> Option<String> {
        if !row.text("community").is_empty() {
            return self.community_of(row, "community");
        }
        if let Some(p) = person.and_then(|p| self.person_by_id(p)) {
            return Some(p.community.clone());
        }
        if let Some(c) = self
            .options
            .community
            .as_deref()
            .and_then(|c| self.community_id(c))
        {
            return Some(c);
        }
        match self.communities.as_slice() {
            [only] => Some(only.id.clone()),
            _ => {
                self.sink.push(
                    &row.loc("community"),
                    ProblemKind::MissingValue,
                    "花名册有多个社区，请填写社区".to_owned(),
                    "the roster has several communities: fill in the community".to_owned(),
                );
                None
            }
        }
    }

    fn grid_id(&self, text: &str) -> Option<String> {
        self.grids
            .iter()
            .find(|(g, _)| g.id == text)
            .or_else(|| self.grids.iter().find(|(g, _)| g.name == text))
            .map(|(g, _)| g.id.clone())
    }

    fn person_by_id(&self, id: &str) -> Option<&Person> {
        self.by_id.get(id).and_then(|i| self.people.get(*i))
    }

    fn find_person(&self, text: &str, community: Option<&str>) -> Who {
        if let Some(p) = self.person_by_id(text) {
            return Who::One(p.id.clone());
        }
        if let Some(p) = self.ext.get(text).and_then(|i| self.people.get(*i)) {
            return Who::One(p.id.clone());
        }
        let named: Vec<&Person> = self
            .by_name
            .get(text)
            .into_iter()
            .flatten()
            .filter_map(|i| self.people.get(*i))
            .filter(|p| community.is_none_or(|c| p.community == c))
            .collect();
        match named.as_slice() {
            [one] => Who::One(one.id.clone()),
            [] => Who::Unknown,
            many => Who::Ambiguous(many.len()),
        }
    }

    /// A person by ID, attendance number or name (within `community` when given).
    fn who(&mut self, text: &str, community: Option<&str>, loc: &Loc) -> Option<String> {
        match self.find_person(text, community) {
            Who::One(id) => Some(id),
            Who::Unknown => {
                let within = community
                    .and_then(|c| self.communities.iter().find(|x| x.id == c))
                    .map(|c| c.name.clone());
                let (zh, en) = match within {
                    Some(c) => (
                        format!("'{text}' 不是花名册中{c}的人员（按编号、工号或姓名都找不到）"),
                        format!(
                            "`{text}` is no person of {c} in the roster (by ID, attendance number or name)"
                        ),
                    ),
                    None => (
                        format!("'{text}' 不是花名册中的人员（按编号、工号或姓名都找不到）"),
                        format!(
                            "`{text}` is no person of the roster (by ID, attendance number or name)"
                        ),
                    ),
                };
                self.sink.push(loc, ProblemKind::UnknownPerson, zh, en);
                None
            }
            Who::Ambiguous(n) => {
                self.sink.push(
                    loc,
                    ProblemKind::AmbiguousPerson,
                    format!("花名册中有{n}人叫'{text}'：请改用人员编号或工号，或指定社区"),
                    format!("{n} people of the roster are called `{text}`: use the person's ID or attendance number, or name the community"),
                );
                None
            }
        }
    }

    fn person_cell(&mut self, row: &Row<'_>, key: &str, community: Option<&str>) -> Option<String> {
        let t = self.required(row, key)?;
        self.who(&t, community, &row.loc(key))
    }

    fn people_list(&mut self, row: &Row<'_>, key: &str, community: Option<&str>) -> Vec<String> {
        let mut out = Vec::new();
        for name in split_list(&row.text(key)) {
            if let Some(id) = self.who(&name, community, &row.loc(key)) {
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        }
        out
    }

    fn bad_value(
        &mut self,
        row: &Row<'_>,
        key: &str,
        def: &SheetDef,
        what_zh: &str,
        what_en: &str,
    ) {
        let v = self.value(row, key, def);
        self.sink.push(
            &row.loc(key),
            ProblemKind::InvalidValue,
            format!("'{v}' 不是已知{what_zh}"),
            format!("`{v}` is not a known {what_en}"),
        );
    }

    // ----- roster -----

    fn subdistrict(&mut self, row: &Row<'_>, _def: &SheetDef) {
        if let (Some(id), Some(name)) = (self.required(row, "id"), self.required(row, "name")) {
            self.subdistrict = Some(Subdistrict { id, name });
        }
    }

    fn community(
        &mut self,
        row: &Row<'_>,
        _def: &SheetDef,
        secretaries: &mut Vec<(usize, String, Loc, bool)>,
    ) {
        let Some(name) = self.required(row, "name") else {
            return;
        };
        let id = Self::optional(row, "id").unwrap_or_else(|| format!("c-{}", row.number()));
        let i = self.communities.len();
        if let Some(s) = self.required(row, "secretary") {
            secretaries.push((i, s, row.loc("secretary"), false));
        }
        if let Some(r) = Self::optional(row, "responsible") {
            secretaries.push((i, r, row.loc("responsible"), true));
        }
        self.prov.insert(id.clone(), row.at());
        self.communities.push(Community {
            id,
            name,
            party_secretary: String::new(),
            responsible_person: None,
            grids: Vec::new(),
            areas: Vec::new(),
        });
    }

    fn grid(&mut self, row: &Row<'_>, def: &SheetDef) {
        let name = self.required(row, "name");
        let community = match self.required(row, "community") {
            Some(_) => self.community_of(row, "community"),
            None => None,
        };
        let mut groups = Vec::new();
        for g in split_list(&row.text("groups")) {
            match must_visit(&g) {
                Some(x) => groups.push(x),
                None => {
                    self.sink.push(
                        &row.loc("groups"),
                        ProblemKind::InvalidValue,
                        format!("'{g}' 不是五必访人群（困难人群、流动人口、空巢老人、模范人物、特殊人群）"),
                        format!("`{g}` is not a must-visit group"),
                    );
                }
            }
        }
        let _ = def;
        if let (Some(name), Some(c)) = (name, community) {
            let id = Self::optional(row, "id").unwrap_or_else(|| format!("g-{}", row.number()));
            self.prov.insert(id.clone(), row.at());
            self.grids.push((
                Grid {
                    id,
                    name,
                    must_visit_groups: (!groups.is_empty()).then_some(groups),
                    map_ref: Self::optional(row, "map"),
                },
                c,
            ));
        }
    }

    fn person(&mut self, row: &Row<'_>, def: &SheetDef) {
        let name = self.required(row, "name");
        let community = match self.required(row, "community") {
            Some(_) => self.community_of(row, "community"),
            None => None,
        };
        let role = match self.required(row, "role") {
            Some(t) => match role(&t) {
                Some(r) => Some(r),
                None => {
                    self.bad_value(row, "role", def, "角色（网格长、网格员、协助人员）", "role");
                    None
                }
            },
            None => None,
        };
        let helper = match Self::optional(row, "helper_kind") {
            Some(t) => match helper_kind(&t) {
                Some(k) => Some(k),
                None => {
                    self.bad_value(row, "helper_kind", def, "协助人员类别", "helper kind");
                    None
                }
            },
            None => None,
        };
        let (Some(name), Some(community), Some(role)) = (name, community, role) else {
            return;
        };
        let id = Self::optional(row, "id").unwrap_or_else(|| format!("p-{}", row.number()));
        if let Some(e) = Self::optional(row, "ext") {
            self.ext.insert(e, self.people.len());
        }
        self.prov.insert(id.clone(), row.at());
        self.by_id.entry(id.clone()).or_insert(self.people.len());
        self.by_name
            .entry(name.clone())
            .or_default()
            .push(self.people.len());
        self.people.push(Person {
            id,
            name,
            community,
            role,
            helper_kind: helper,
            phone: Self::optional(row, "phone"),
            photo: None,
            services: Self::optional(row, "services"),
            duties: Self::optional(row, "duties"),
        });
    }

    fn assignment(&mut self, row: &Row<'_>, _def: &SheetDef) {
        let person = self.person_cell(row, "person", None);
        let grid = match self.required(row, "grid") {
            Some(t) => {
                let g = self.grid_id(&t);
                if g.is_none() {
                    self.sink.push(
                        &row.loc("grid"),
                        ProblemKind::UnknownReference,
                        format!("'{t}' 不是花名册中的网格"),
                        format!("`{t}` is not a grid of the roster"),
                    );
                }
                g
            }
            None => None,
        };
        let from = self.date(row, "from", true, false);
        let to = self.date(row, "to", false, false);
        if let (Some(person), Some(grid), Some(from)) = (person, grid, from) {
            self.assigned
                .entry(person.clone())
                .or_default()
                .push(self.assignments.len());
            self.assignments.push(Assignment {
                person,
                grid,
                from,
                to,
            });
        }
    }

    fn assemble_communities(&self) -> Vec<Community> {
        let mut out = self.communities.clone();
        for (g, c) in &self.grids {
            if let Some(x) = out.iter_mut().find(|x| &x.id == c) {
                x.grids.push(g.clone());
            }
        }
        out
    }

    // ----- records -----

    fn record(&mut self, prefix: &'static str, row: &Row<'_>) -> String {
        let id = self.next_id(prefix);
        self.prov.insert(id.clone(), row.at());
        self.summary.records += 1;
        id
    }

    fn record_grid(&mut self, row: &Row<'_>, person: &str, date: Date) -> Option<String> {
        if let Some(t) = Self::optional(row, "grid") {
            let g = self.grid_id(&t);
            if g.is_none() {
                self.sink.push(
                    &row.loc("grid"),
                    ProblemKind::UnknownReference,
                    format!("'{t}' 不是花名册中的网格"),
                    format!("`{t}` is not a grid of the roster"),
                );
            }
            return g;
        }
        let on: Vec<&Assignment> = self
            .assigned
            .get(person)
            .into_iter()
            .flatten()
            .filter_map(|i| self.assignments.get(*i))
            .filter(|a| a.covers(date))
            .collect();
        match on.as_slice() {
            [one] => Some(one.grid.clone()),
            [] => {
                self.sink.push(
                    &row.loc("grid"),
                    ProblemKind::MissingValue,
                    format!("网格为空，而该人员 {date} 没有分配网格：请填写网格"),
                    format!(
                        "no grid given, and the person holds no grid on {date}: fill in the grid"
                    ),
                );
                None
            }
            _ => {
                self.sink.push(
                    &row.loc("grid"),
                    ProblemKind::MissingValue,
                    format!("网格为空，而该人员 {date} 分配了多个网格：请填写网格"),
                    format!("no grid given, and the person holds several grids on {date}: fill in the grid"),
                );
                None
            }
        }
    }

    fn patrols(&mut self, row: &Row<'_>) -> Vec<PatrolSession> {
        let mut out = Vec::new();
        let text = row.text("patrols");
        for piece in text
            .split(['、', ',', '，', ';', '；', '\n'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            let parts: Vec<&str> = piece
                .split(['-', '–', '—', '~', '～', '至'])
                .map(str::trim)
                .collect();
            let parse = |t: &str| {
                crate::cell::when_text(t)
                    .ok()
                    .and_then(|w| if w.date.is_none() { w.time } else { None })
            };
            match parts.as_slice() {
                [a, b] => match (parse(a), parse(b)) {
                    (Some(start), Some(end)) if end > start => {
                        out.push(PatrolSession { start, end })
                    }
                    (Some(_), Some(_)) => self.sink.push(
                        &row.loc("patrols"),
                        ProblemKind::InvalidTime,
                        format!("巡查时段 '{piece}' 的结束不晚于开始"),
                        format!("the patrol `{piece}` does not end after it starts"),
                    ),
                    _ => self.sink.push(
                        &row.loc("patrols"),
                        ProblemKind::InvalidTime,
                        format!("'{piece}' 不是时段（应为 08:30-09:30）"),
                        format!("`{piece}` is not a time span (expected 08:30-09:30)"),
                    ),
                },
                _ => self.sink.push(
                    &row.loc("patrols"),
                    ProblemKind::InvalidTime,
                    format!("'{piece}' 不是时段（应为 08:30-09:30）"),
                    format!("`{piece}` is not a time span (expected 08:30-09:30)"),
                ),
            }
        }
        out
    }

    fn ticks<T: Copy>(&mut self, row: &Row<'_>, cols: &[(&'static str, T)]) -> Vec<T> {
        let mut out = Vec::new();
        for (key, v) in cols {
            let t = row.text(key);
            match ticked(&t) {
                Some(true) => out.push(*v),
                Some(false) => {}
                None => self.sink.push(
                    &row.loc(key),
                    ProblemKind::InvalidValue,
                    format!("'{t}' 不是打勾：已做打 √，未做留空"),
                    format!("`{t}` is not a tick: put √ when done, leave empty when not"),
                ),
            }
        }
        out
    }

    fn work_record(&mut self, row: &Row<'_>, _def: &SheetDef) {
        let date = self.date(row, "date", true, true);
        let person = self.person_cell(row, "person", None);
        let patrols = self.patrols(row);
        let must_checks = self.ticks(row, &MUST_CHECK_COLS);
        let must_dos = self.ticks(row, &MUST_DO_COLS);
        let mut visits = Vec::new();
        for g in split_list(&row.text("visits")) {
            match must_visit(&g) {
                Some(group) => visits.push(Visit { group, note: None }),
                None => self.sink.push(
                    &row.loc("visits"),
                    ProblemKind::InvalidValue,
                    format!(
                        "'{g}' 不是五必访人群（困难人群、流动人口、空巢老人、模范人物、特殊人群）"
                    ),
                    format!("`{g}` is not a must-visit group"),
                ),
            }
        }
        let (Some(date), Some(person)) = (date, person) else {
            return;
        };
        let Some(grid) = self.record_grid(row, &person, date) else {
            return;
        };
        let id = self.record("wr", row);
        self.records.work_records.push(WorkRecord {
            id,
            person,
            date,
            grid,
            patrols,
            must_checks,
            must_dos,
            visits,
            note: Self::optional(row, "note"),
        });
    }

    fn meeting(&mut self, row: &Row<'_>, def: &SheetDef) {
        let date = self.date(row, "date", true, true);
        let kind = match self.required(row, "kind") {
            Some(t) => {
                let k = meeting_kind(&t);
                if k.is_none() {
                    self.bad_value(
                        row,
                        "kind",
                        def,
                        "会议类型（调度会、晨会、每周例会、季度联席会议）",
                        "meeting kind",
                    );
                }
                k
            }
            None => None,
        };
        let chair = match Self::optional(row, "chair") {
            Some(t) => self.who(&t, None, &row.loc("chair")),
            None => None,
        };
        let community = self.record_community(row, chair.as_deref());
        let attendees = self.people_list(row, "attendees", community.as_deref());
        let (Some(date), Some(kind), Some(community)) = (date, kind, community) else {
            return;
        };
        let id = self.record("mt", row);
        self.records.meetings.push(Meeting {
            id,
            kind,
            community,
            date,
            chair,
            attendees,
            external_participants: split_list(&row.text("external")),
        });
    }

    fn group_study(&mut self, row: &Row<'_>, _def: &SheetDef) {
        let date = self.date(row, "date", true, true);
        let community = self.record_community(row, None);
        let attendees = self.people_list(row, "attendees", community.as_deref());
        if row.text("attendees").is_empty() {
            self.required(row, "attendees");
        }
        let (Some(date), Some(community)) = (date, community) else {
            return;
        };
        let id = self.record("gs", row);
        self.records.group_studies.push(GroupStudy {
            id,
            community,
            date,
            attendees,
            topic: Self::optional(row, "topic"),
        });
    }

    fn self_study(&mut self, row: &Row<'_>, _def: &SheetDef) {
        let date = self.date(row, "date", true, true);
        let person = self.person_cell(row, "person", None);
        let (Some(date), Some(person)) = (date, person) else {
            return;
        };
        let id = self.record("ss", row);
        self.records.self_studies.push(SelfStudy {
            id,
            person,
            date,
            topic: Self::optional(row, "topic"),
        });
    }

    fn notebook_review(&mut self, row: &Row<'_>, _def: &SheetDef) {
        let date = self.date(row, "date", true, true);
        let person = self.person_cell(row, "person", None);
        let reviewer = self.person_cell(row, "reviewer", None);
        let comment = self.required(row, "comment");
        let (Some(date), Some(person), Some(reviewer), Some(comment)) =
            (date, person, reviewer, comment)
        else {
            return;
        };
        let id = self.record("nr", row);
        self.records.notebook_reviews.push(NotebookReview {
            id,
            person,
            reviewer,
            date,
            comment,
        });
    }

    fn duty(&mut self, row: &Row<'_>, _def: &SheetDef) {
        let date = self.date(row, "date", true, true);
        let person = self.person_cell(row, "person", None);
        let community = self.record_community(row, person.as_deref());
        let handed = match Self::optional(row, "handed_over_to") {
            Some(t) => self.who(&t, community.as_deref(), &row.loc("handed_over_to")),
            None => None,
        };
        let (Some(date), Some(person), Some(community)) = (date, person, community) else {
            return;
        };
        let id = self.record("ds", row);
        self.records.duty_shifts.push(DutyShift {
            id,
            person,
            community,
            date,
            log: Self::optional(row, "log"),
            handed_over_to: handed,
        });
    }

    fn leave(&mut self, row: &Row<'_>, def: &SheetDef) {
        let person = self.person_cell(row, "person", None);
        let from = self.date(row, "from", true, true);
        let to = self.date(row, "to", true, true);
        let approved_by = self.person_cell(row, "approved_by", None);
        let kind = leave_kind(&row.text("kind"));
        if kind.is_none() {
            self.bad_value(
                row,
                "kind",
                def,
                "请假类别（年休假、病假、事假、婚假、丧假、公出、调休）",
                "kind of leave",
            );
        }
        let (Some(person), Some(from), Some(to), Some(approved_by), Some(kind)) =
            (person, from, to, approved_by, kind)
        else {
            return;
        };
        let id = self.record("lv", row);
        self.leave
            .entry(person.clone())
            .or_default()
            .push((from, to, row.at()));
        self.records.leave.push(Leave {
            id,
            person,
            from,
            to,
            approved_by,
            kind,
        });
    }

    fn problem(&mut self, row: &Row<'_>, def: &SheetDef) {
        let date = self.date(row, "date", true, true);
        let person = self.person_cell(row, "person", None);
        let category = match self.required(row, "category") {
            Some(t) => {
                let c = ProblemCategory::ALL.into_iter().find(|c| c.label_zh() == t);
                if c.is_none() {
                    self.bad_value(row, "category", def, "问题类别", "problem category");
                }
                c
            }
            None => None,
        };
        let text = self.required(row, "text");
        let (Some(date), Some(person)) = (date, person) else {
            return;
        };
        let found = match self.moment(row, "time", date) {
            Some((_, t)) => Some(t),
            None => {
                if row.cell("time").is_empty() {
                    self.required(row, "time");
                }
                None
            }
        };
        let grid = self.record_grid(row, &person, date);
        let (Some(found_at), Some(category), Some(text), Some(grid)) =
            (found, category, text, grid)
        else {
            return;
        };
        let community = self.person_by_id(&person).map(|p| p.community.clone());
        let mut steps = Vec::new();
        let step = |step: StepKind, (date, time): (Date, LocalTime), actor: &str| ProblemStep {
            step,
            date,
            time,
            actor: actor.to_owned(),
            to: None,
            department: None,
            note: None,
        };
        let handled = self
            .moment(row, "handled_at", date)
            .unwrap_or((date, found_at));
        match Self::optional(row, "handling").as_deref() {
            None => {}
            Some("马上解决" | "当场解决" | "已解决") => {
                steps.push(step(StepKind::SolvedOnSpot, handled, &person))
            }
            Some("上报" | "上报网格负责人" | "上报网格长") => {
                let to = match Self::optional(row, "escalated_to") {
                    Some(t) => self.who(&t, community.as_deref(), &row.loc("escalated_to")),
                    None => None,
                };
                let mut e = step(StepKind::Escalated, handled, &person);
                e.to = to.clone();
                steps.push(e);
                let resolver = match Self::optional(row, "resolver") {
                    Some(t) => self.who(&t, community.as_deref(), &row.loc("resolver")),
                    None => to.clone(),
                }
                .unwrap_or_else(|| person.clone());
                if let Some(dept) = Self::optional(row, "department") {
                    let at = self.moment(row, "coordinated_at", date).unwrap_or(handled);
                    let mut c = step(StepKind::Coordinated, at, &resolver);
                    c.department = Some(dept);
                    steps.push(c);
                }
                if let Some(at) = self.moment(row, "resolved_at", date) {
                    steps.push(step(StepKind::Resolved, at, &resolver));
                }
            }
            Some(_) => self.bad_value(
                row,
                "handling",
                def,
                "处置方式（马上解决、上报）",
                "handling",
            ),
        }
        if let Some(at) = self.moment(row, "feedback_at", date) {
            steps.push(step(StepKind::FeedbackGiven, at, &person));
        }
        let mut reports = Vec::new();
        for (key, channel) in [
            ("report_community", ReportChannel::Community),
            ("report_group", ReportChannel::GridGroup),
        ] {
            if let Some((d, t)) = self.moment(row, key, date) {
                reports.push(ProblemReport {
                    channel,
                    date: d,
                    time: t,
                });
            }
        }
        let id = self.record("pb", row);
        self.records.problems.push(ProblemFound {
            id,
            person,
            grid,
            date,
            found_at,
            category,
            other_category: None,
            text,
            steps,
            reports,
        });
    }

    // ----- punches -----

    fn punches(&mut self, raw: Vec<RawPunch>) {
        let hint = match self.options.community.clone() {
            Some(c) => match self.community_id(&c) {
                Some(id) => Some(id),
                None => {
                    self.sink.push(
                        &Loc::file("导入选项"),
                        ProblemKind::UnknownReference,
                        format!("社区 '{c}' 不在花名册中"),
                        format!("the community `{c}` is not in the roster"),
                    );
                    return;
                }
            },
            None => None,
        };
        let duty: std::collections::BTreeSet<(String, Date)> = self
            .records
            .duty_shifts
            .iter()
            .map(|d| (d.person.clone(), d.date))
            .collect();
        struct Settled {
            person: String,
            day: Date,
            time: LocalTime,
            direction: Option<ClockDirection>,
            source: wangge::attendance::ClockSource,
            order: (Date, LocalTime, u32),
            loc: Loc,
        }
        let mut settled: Vec<Settled> = Vec::new();
        let mut seen: BTreeMap<(String, Date, LocalTime, u32), Loc> = BTreeMap::new();
        let last_minute = LocalTime::from_hm(23, 59).unwrap_or(LocalTime::MIDNIGHT);
        for p in raw {
            let community = hint
                .clone()
                .or_else(|| p.department.as_deref().and_then(|d| self.community_id(d)));
            let person = match (&p.person_id, &p.person_name) {
                (Some(id), name) => match self.find_person(id, None) {
                    Who::One(x) => Some(x),
                    _ => match name {
                        Some(n) => self.who(n, community.as_deref(), &p.person_loc),
                        None => self.who(id, None, &p.person_loc),
                    },
                },
                (None, Some(n)) => self.who(n, community.as_deref(), &p.person_loc),
                (None, None) => {
                    self.sink.push(
                        &p.person_loc,
                        ProblemKind::MissingValue,
                        "姓名和工号都为空".to_owned(),
                        "neither a name nor an ID".to_owned(),
                    );
                    None
                }
            };
            let Some(time) = p.when.time else {
                continue;
            };
            // The day the punch counts for, and the day it was made.
            let (day, actual) = match (p.day, p.when.date) {
                (Some(d), Some(a)) => (d, a),
                (Some(d), None) => (
                    d,
                    if p.when.next_day {
                        d.add_days(1).unwrap_or(d)
                    } else {
                        d
                    },
                ),
                (None, Some(a)) => (
                    a,
                    if p.when.next_day {
                        a.add_days(1).unwrap_or(a)
                    } else {
                        a
                    },
                ),
                (None, None) => {
                    self.sink.push(
                        &p.day_loc,
                        ProblemKind::MissingValue,
                        "打卡没有日期：考勤日期为空，打卡时间也不含日期".to_owned(),
                        "the punch has no date: no attendance day, and the time holds no date"
                            .to_owned(),
                    );
                    continue;
                }
            };
            let Some(person) = person else {
                continue;
            };
            let gap = day.days_until(actual);
            let explicit_overnight = gap == 1;
            if gap != 0 && gap != 1 {
                self.sink.push(
                    &p.loc,
                    ProblemKind::InvalidDate,
                    format!("打卡日期 {actual} 与考勤日期 {day} 不符"),
                    format!("the punch's date {actual} does not match the attendance day {day}"),
                );
                continue;
            }
            let before = self.sink.list.len();
            self.check_day(day, &p.day_loc);
            if self.sink.list.len() > before {
                continue;
            }
            let key = (person.clone(), actual, time, p.when.second);
            if let Some(first) = seen.get(&key) {
                let (zh, en) = (
                    format!(
                        "重复打卡：与 {} 的打卡（{actual} {time}）相同",
                        first.place(crate::Lang::Zh)
                    ),
                    format!(
                        "duplicate punch: the same as the punch at {} ({actual} {time})",
                        first.place(crate::Lang::En)
                    ),
                );
                self.sink.push(&p.loc, ProblemKind::DuplicatePunch, zh, en);
                continue;
            }
            seen.insert(key, p.loc.clone());
            let previous = day.add_days(-1);
            let closes_duty = !explicit_overnight
                && p.day.is_none()
                && time.minutes() <= self.options.overnight_minutes
                && previous.is_some_and(|d| duty.contains(&(person.clone(), d)));
            let (day, shown_time, direction) = if explicit_overnight || closes_duty {
                let duty_day = if closes_duty {
                    previous.unwrap_or(day)
                } else {
                    day
                };
                self.summary.overnight.push(format!(
                    "{}: {person} {actual} {time} → {duty_day} 23:59",
                    p.loc.place(self.options.lang)
                ));
                (duty_day, last_minute, Some(ClockDirection::Out))
            } else {
                (day, time, p.direction)
            };
            if let Some((_, _, at)) = self
                .leave
                .get(&person)
                .and_then(|l| l.iter().find(|(f, t, _)| *f <= day && day <= *t))
            {
                let (zh, en) = (
                    format!(
                        "{day} 这一天该人员在请假（{}），却有打卡",
                        at.place(crate::Lang::Zh)
                    ),
                    format!(
                        "the person is on leave on {day} ({}) yet punched",
                        at.place(crate::Lang::En)
                    ),
                );
                self.sink.push(&p.loc, ProblemKind::PunchOnLeave, zh, en);
                continue;
            }
            self.dated.push(day);
            settled.push(Settled {
                person,
                day,
                time: shown_time,
                direction,
                source: p.source,
                order: (actual, time, p.when.second),
                loc: p.loc,
            });
        }
        // Directions the export does not give alternate in, out, in, out through the day.
        settled.sort_by(|a, b| (&a.person, a.day, a.order).cmp(&(&b.person, b.day, b.order)));
        let mut i = 0;
        let mut current: Option<(String, Date)> = None;
        for s in settled {
            let k = (s.person.clone(), s.day);
            if current.as_ref() != Some(&k) {
                current = Some(k);
                i = 0;
            }
            let direction = s.direction.unwrap_or(if i % 2 == 0 {
                ClockDirection::In
            } else {
                ClockDirection::Out
            });
            i += 1;
            let id = self.next_id("ck");
            self.prov.insert(id.clone(), s.loc);
            self.records.clock_events.push(ClockEvent {
                id,
                person: s.person,
                date: s.day,
                time: s.time,
                direction,
                source: s.source,
            });
        }
    }
}
