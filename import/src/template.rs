//! The documented template: the roster sheets (街道, 社区, 网格, 人员, 分配) and the record sheets
//! (工作记录, 会议, 集中学习, 自学, 笔记点评, 值班, 问题, 请假). One table drives both the reader and
//! the empty workbook [`crate::template_xlsx`] writes, so they cannot drift apart.

use crate::header::Want;

/// The sheets of the template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum SheetKind {
    Subdistrict,
    Communities,
    Grids,
    People,
    Assignments,
    WorkRecords,
    Meetings,
    GroupStudies,
    SelfStudies,
    NotebookReviews,
    DutyShifts,
    Problems,
    Leave,
}

/// A column of a template sheet.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Col {
    pub key: &'static str,
    /// The heading in the template first, then other headings accepted.
    pub aliases: &'static [&'static str],
    pub required: bool,
    /// A confidential column (2.2.5): its values are never quoted in a problem.
    pub confidential: bool,
    /// What goes in it (Chinese), for the 说明 sheet and the README.
    pub note: &'static str,
    /// An example value.
    pub example: &'static str,
}

const fn c(
    key: &'static str,
    aliases: &'static [&'static str],
    required: bool,
    note: &'static str,
    example: &'static str,
) -> Col {
    Col {
        key,
        aliases,
        required,
        confidential: false,
        note,
        example,
    }
}

const fn secret(
    key: &'static str,
    aliases: &'static [&'static str],
    note: &'static str,
    example: &'static str,
) -> Col {
    Col {
        key,
        aliases,
        required: false,
        confidential: true,
        note,
        example,
    }
}

/// A template sheet.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SheetDef {
    pub kind: SheetKind,
    /// The sheet's name first, then other names accepted.
    pub names: &'static [&'static str],
    pub note: &'static str,
    pub cols: &'static [Col],
}

impl SheetDef {
    pub(crate) fn name(&self) -> &'static str {
        self.names.first().copied().unwrap_or("")
    }
    pub(crate) fn wants(&self) -> Vec<Want> {
        self.cols
            .iter()
            .map(|c| Want::new(c.key, c.aliases, c.required))
            .collect()
    }
    pub(crate) fn col(&self, key: &str) -> Option<&'static Col> {
        self.cols.iter().find(|c| c.key == key)
    }
}

/// The tick columns of a work record: the five must-checks and five must-dos (2.2.2).
pub(crate) const MUST_CHECK_COLS: [(&str, wangge::records::MustCheck); 5] = {
    use wangge::records::MustCheck::*;
    [
        ("环境卫生", EnvironmentSanitation),
        ("基础设施", Infrastructure),
        ("安全隐患", SafetyHazards),
        ("公共区域", PublicAreas),
        ("可疑人员", SuspiciousPersons),
    ]
};
pub(crate) const MUST_DO_COLS: [(&str, wangge::records::MustDo); 5] = {
    use wangge::records::MustDo::*;
    [
        ("摸底数", KnowTheNumbers),
        ("搜民情", GatherSentiment),
        ("观舆情", WatchOpinion),
        ("防疫情", PreventEpidemics),
        ("解需求", MeetNeeds),
    ]
};

pub(crate) const SHEETS: &[SheetDef] = &[
    SheetDef {
        kind: SheetKind::Subdistrict,
        names: &["街道"],
        note: "街道（可省略；省略时编号为 sd）",
        cols: &[
            c(
                "id",
                &["编号", "街道编号"],
                true,
                "街道编号，任意不重复的文字",
                "xc",
            ),
            c("name", &["名称", "街道名称"], true, "街道名称", "新城街道"),
        ],
    },
    SheetDef {
        kind: SheetKind::Communities,
        names: &["社区"],
        note: "每个社区一行",
        cols: &[
            c(
                "id",
                &["编号", "社区编号"],
                false,
                "社区编号；留空时自动编为 c-行号",
                "c1",
            ),
            c("name", &["名称", "社区名称"], true, "社区名称", "幸福社区"),
            c(
                "secretary",
                &["党组织书记", "书记", "网格长"],
                true,
                "社区党组织书记（即网格长，1.1）：人员编号或姓名",
                "赵建国",
            ),
            c(
                "responsible",
                &["负责人", "社区负责人"],
                false,
                "抽查通报所列社区负责人（3.4）；留空时为书记",
                "",
            ),
        ],
    },
    SheetDef {
        kind: SheetKind::Grids,
        names: &["网格"],
        note: "每个网格一行",
        cols: &[
            c(
                "id",
                &["编号", "网格编号"],
                false,
                "网格编号；留空时自动编为 g-行号",
                "g1",
            ),
            c(
                "name",
                &["名称", "网格名称"],
                true,
                "网格名称",
                "幸福一网格",
            ),
            c(
                "community",
                &["社区"],
                true,
                "所属社区：社区编号或名称",
                "幸福社区",
            ),
            c(
                "groups",
                &["必访人群", "五必访人群"],
                false,
                "网格内有的必访人群（2.2.2），用顿号分隔；留空表示全部",
                "空巢老人、流动人口",
            ),
            c(
                "map",
                &["示意图", "网格示意图"],
                false,
                "网格示意图的文件名或网址（2.2.4）",
                "",
            ),
        ],
    },
    SheetDef {
        kind: SheetKind::People,
        names: &["人员", "花名册"],
        note: "网格长、网格员、协助人员，每人一行",
        cols: &[
            c(
                "id",
                &["编号", "人员编号"],
                false,
                "人员编号；留空时自动编为 p-行号",
                "w1",
            ),
            c("name", &["姓名"], true, "姓名", "王芳"),
            c(
                "community",
                &["社区"],
                true,
                "所在社区：编号或名称",
                "幸福社区",
            ),
            c(
                "role",
                &["角色"],
                true,
                "网格长、网格员或协助人员（1.1）",
                "网格员",
            ),
            c(
                "helper_kind",
                &["协助类别", "协助人员类别"],
                false,
                "协助人员才填：楼长、单元长、在职党员、退休党员、片区民警、物业党员、志愿者、其他",
                "",
            ),
            c(
                "phone",
                &["联系电话", "电话"],
                false,
                "联系电话（公示牌，2.2.4）",
                "13800000001",
            ),
            c(
                "ext",
                &["工号", "考勤号", "钉钉UserId", "UserId", "账号"],
                false,
                "考勤系统中的工号或 UserId，用于匹配打卡记录",
                "1001",
            ),
            c("services", &["服务内容"], false, "服务内容（公示牌）", ""),
            c("duties", &["管理职责"], false, "管理职责（公示牌）", ""),
        ],
    },
    SheetDef {
        kind: SheetKind::Assignments,
        names: &["分配", "网格分配"],
        note: "谁从何时到何时负责哪个网格",
        cols: &[
            c("person", &["人员", "姓名"], true, "人员编号或姓名", "王芳"),
            c("grid", &["网格"], true, "网格编号或名称", "幸福一网格"),
            c(
                "from",
                &["起始日期", "开始日期"],
                true,
                "第一天",
                "2023-01-01",
            ),
            c(
                "to",
                &["截止日期", "结束日期"],
                false,
                "最后一天；仍在岗留空",
                "",
            ),
        ],
    },
    SheetDef {
        kind: SheetKind::WorkRecords,
        names: &["工作记录", "网格员工作记录"],
        note: "网格员每天一行（2.2.6）：巡查时段与五必查、五必做打勾（2.2.2）",
        cols: &[
            c("date", &["日期"], true, "日期", "2023-04-03"),
            c(
                "person",
                &["人员", "姓名", "网格员"],
                true,
                "人员编号或姓名",
                "王芳",
            ),
            c(
                "grid",
                &["网格"],
                false,
                "网格编号或名称；留空时为当天分配的网格",
                "",
            ),
            c(
                "patrols",
                &["巡查时段", "巡查"],
                false,
                "巡查时段，如 08:30-09:30、14:00-15:00",
                "08:30-09:30、14:00-15:05",
            ),
            c(
                "环境卫生",
                &["环境卫生"],
                false,
                "五必查：打 √ 表示已查",
                "√",
            ),
            c("基础设施", &["基础设施"], false, "五必查", "√"),
            c("安全隐患", &["安全隐患"], false, "五必查", "√"),
            c("公共区域", &["公共区域"], false, "五必查", "√"),
            c("可疑人员", &["可疑人员"], false, "五必查", "√"),
            c("摸底数", &["摸底数"], false, "五必做：打 √ 表示已做", "√"),
            c("搜民情", &["搜民情"], false, "五必做", "√"),
            c("观舆情", &["观舆情"], false, "五必做", "√"),
            c("防疫情", &["防疫情"], false, "五必做", "√"),
            c("解需求", &["解需求"], false, "五必做", "√"),
            c(
                "visits",
                &["走访", "五必访"],
                false,
                "走访的必访人群，用顿号分隔：困难人群、流动人口、空巢老人、模范人物、特殊人群",
                "空巢老人",
            ),
            secret("note", &["备注"], "备注（保密）", ""),
        ],
    },
    SheetDef {
        kind: SheetKind::Meetings,
        names: &["会议"],
        note: "调度会（2.1.0）、晨会、每周例会、季度联席会议（2.2.3）",
        cols: &[
            c("date", &["日期"], true, "日期", "2023-04-03"),
            c(
                "kind",
                &["类型", "会议类型"],
                true,
                "调度会、晨会、每周例会或季度联席会议",
                "每周例会",
            ),
            c(
                "community",
                &["社区"],
                false,
                "社区编号或名称；只有一个社区时可留空",
                "",
            ),
            c(
                "chair",
                &["主持人", "召集人"],
                false,
                "人员编号或姓名",
                "赵建国",
            ),
            c(
                "attendees",
                &["参会人员"],
                false,
                "人员编号或姓名，用顿号分隔",
                "王芳、李强",
            ),
            c(
                "external",
                &["外部参会单位"],
                false,
                "街道、共建单位、物业等，用顿号分隔",
                "",
            ),
        ],
    },
    SheetDef {
        kind: SheetKind::GroupStudies,
        names: &["集中学习"],
        note: "集中学习及出勤（3.5）",
        cols: &[
            c("date", &["日期"], true, "日期", "2023-04-04"),
            c(
                "community",
                &["社区"],
                false,
                "社区编号或名称；只有一个社区时可留空",
                "",
            ),
            c(
                "attendees",
                &["参加人员", "参会人员"],
                true,
                "人员编号或姓名，用顿号分隔",
                "王芳、李强",
            ),
            c("topic", &["主题"], false, "学习主题", "网格化管理办法"),
        ],
    },
    SheetDef {
        kind: SheetKind::SelfStudies,
        names: &["自学"],
        note: "个人自学（3.5）",
        cols: &[
            c("date", &["日期"], true, "日期", "2023-04-06"),
            c("person", &["人员", "姓名"], true, "人员编号或姓名", "王芳"),
            c("topic", &["主题"], false, "学习主题", ""),
        ],
    },
    SheetDef {
        kind: SheetKind::NotebookReviews,
        names: &["笔记点评"],
        note: "社区书记每月点评学习笔记（3.5）",
        cols: &[
            c("date", &["日期"], true, "日期", "2023-04-28"),
            c(
                "person",
                &["人员", "姓名"],
                true,
                "被点评人：编号或姓名",
                "王芳",
            ),
            c(
                "reviewer",
                &["点评人"],
                true,
                "点评人：编号或姓名",
                "赵建国",
            ),
            c(
                "comment",
                &["点评", "点评意见"],
                true,
                "点评意见",
                "记录完整",
            ),
        ],
    },
    SheetDef {
        kind: SheetKind::DutyShifts,
        names: &["值班"],
        note: "党群服务中心值班（3.6.6）；值班日的打卡可跨过零点",
        cols: &[
            c(
                "date",
                &["日期", "值班日期"],
                true,
                "值班日期",
                "2023-04-15",
            ),
            c(
                "person",
                &["人员", "姓名", "值班人"],
                true,
                "人员编号或姓名",
                "李强",
            ),
            c(
                "community",
                &["社区"],
                false,
                "社区；留空时为值班人的社区",
                "",
            ),
            secret("log", &["值班记录"], "值班记录（保密）", "接待来访2人"),
            c(
                "handed_over_to",
                &["交班给", "接班人"],
                false,
                "接班人：编号或姓名",
                "",
            ),
        ],
    },
    SheetDef {
        kind: SheetKind::Problems,
        names: &["问题", "问题台账"],
        note: "发现的问题及处置（2.2.2、2.1.4、2.1.7、2.1.8）；时间可写 09:10 或 2023-04-03 09:10",
        cols: &[
            c(
                "date",
                &["日期", "发现日期"],
                true,
                "发现日期",
                "2023-04-03",
            ),
            c("time", &["时间", "发现时间"], true, "发现时间", "09:10"),
            c(
                "person",
                &["人员", "发现人"],
                true,
                "发现人：编号或姓名",
                "王芳",
            ),
            c(
                "grid",
                &["网格"],
                false,
                "网格；留空时为发现人当天的网格",
                "",
            ),
            c(
                "category",
                &["类别", "问题类别"],
                true,
                "矛盾纠纷、燃气安全、垃圾暴露……（见 README）或 其他",
                "垃圾暴露",
            ),
            secret(
                "text",
                &["描述", "问题描述"],
                "问题描述（保密）",
                "3号楼垃圾未清运",
            ),
            c(
                "handling",
                &["处置方式", "处置"],
                false,
                "马上解决 或 上报；未处置留空",
                "马上解决",
            ),
            c(
                "handled_at",
                &["处置时间"],
                false,
                "马上解决或上报的时间；留空为发现时间",
                "09:30",
            ),
            c(
                "escalated_to",
                &["上报给"],
                false,
                "上报的网格负责人：编号或姓名",
                "",
            ),
            c("department", &["协调部门"], false, "协调的相关部门", ""),
            c("coordinated_at", &["协调时间"], false, "协调时间", ""),
            c(
                "resolver",
                &["解决人"],
                false,
                "共同解决的负责人；留空为上报给的人",
                "",
            ),
            c("resolved_at", &["解决时间"], false, "上报后解决的时间", ""),
            c(
                "feedback_at",
                &["反馈时间"],
                false,
                "向居民反馈的时间",
                "10:00",
            ),
            c(
                "report_community",
                &["上报社区时间"],
                false,
                "上报社区的时间（2.1.4、2.1.7、2.1.8）",
                "",
            ),
            c(
                "report_group",
                &["上报网格群时间", "上报微信群时间"],
                false,
                "上报网格微信群的时间",
                "",
            ),
        ],
    },
    SheetDef {
        kind: SheetKind::Leave,
        names: &["请假"],
        note: "经批准的请假（3.3）",
        cols: &[
            c("person", &["人员", "姓名"], true, "人员编号或姓名", "张丽"),
            c(
                "from",
                &["起始日期", "开始日期"],
                true,
                "第一天",
                "2023-04-24",
            ),
            c(
                "to",
                &["截止日期", "结束日期"],
                true,
                "最后一天",
                "2023-04-25",
            ),
            c(
                "kind",
                &["类别", "请假类别"],
                false,
                "年休假、病假、事假、婚假、丧假、公出、调休；留空为未注明",
                "年休假",
            ),
            c(
                "approved_by",
                &["批准人"],
                true,
                "批准人：编号或姓名",
                "赵建国",
            ),
        ],
    },
];

/// The template sheet named `name` (or a name it accepts).
pub(crate) fn by_name(name: &str) -> Option<&'static SheetDef> {
    let n = crate::cell::norm(name);
    SHEETS
        .iter()
        .find(|s| s.names.iter().any(|x| crate::cell::norm(x) == n))
}

pub(crate) fn def(kind: SheetKind) -> Option<&'static SheetDef> {
    SHEETS.iter().find(|s| s.kind == kind)
}

/// The empty template workbook: a 说明 sheet, then every sheet with its header row.
pub(crate) fn workbook() -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    // A fixed creation date: the same template, byte for byte, from every call (no clock).
    let created = ExcelDateTime::from_ymd(2022, 1, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let bold = Format::new().set_bold();
    let required = Format::new().set_bold().set_background_color(0xFFF2CC);
    let help = book.add_worksheet();
    help.set_name("说明")?;
    help.set_column_width(0, 14)?;
    help.set_column_width(1, 18)?;
    help.set_column_width(2, 8)?;
    help.set_column_width(3, 70)?;
    help.set_column_width(4, 24)?;
    help.write_string_with_format(0, 0, "工作表", &bold)?;
    help.write_string_with_format(0, 1, "列", &bold)?;
    help.write_string_with_format(0, 2, "必填", &bold)?;
    help.write_string_with_format(0, 3, "填写说明", &bold)?;
    help.write_string_with_format(0, 4, "示例", &bold)?;
    let mut r = 1u32;
    for s in SHEETS {
        help.write_string_with_format(r, 0, s.name(), &bold)?;
        help.write_string(r, 3, s.note)?;
        r += 1;
        for col in s.cols {
            help.write_string(r, 1, col.aliases.first().copied().unwrap_or(col.key))?;
            help.write_string(r, 2, if col.required { "是" } else { "" })?;
            help.write_string(r, 3, col.note)?;
            help.write_string(r, 4, col.example)?;
            r += 1;
        }
    }
    for s in SHEETS {
        let sheet = book.add_worksheet();
        sheet.set_name(s.name())?;
        for (i, col) in s.cols.iter().enumerate() {
            let i = i as u16;
            let heading = col.aliases.first().copied().unwrap_or(col.key);
            let f = if col.required { &required } else { &bold };
            sheet.write_string_with_format(0, i, heading, f)?;
            sheet.set_column_width(i, (heading.chars().count() as f64 * 2.2 + 4.0).max(10.0))?;
        }
        sheet.set_freeze_panes(1, 0)?;
    }
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `import/README.md` documents every template sheet and column (its tables are written
    /// from this one: a column added here and not there fails).
    #[test]
    fn the_readme_documents_every_sheet_and_column() {
        let readme = include_str!("../README.md");
        for s in SHEETS {
            assert!(
                readme.contains(&format!("### {}", s.name())),
                "{}",
                s.name()
            );
            for c in s.cols {
                let heading = c.aliases.first().copied().unwrap_or(c.key);
                assert!(
                    readme.contains(&format!("| {heading}")),
                    "{} {heading}",
                    s.name()
                );
            }
        }
    }
}
