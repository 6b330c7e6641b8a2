//! Templates: the built-in ones and the writer's own (a folder in the config directory), listed
//! for 从模板新建 with their year and kind; 保存为模板 keeps the open draft's skeleton there.

use super::PouxiApp;
use crate::draft::Template;
use crate::store::{Templates, save_user_template};

impl PouxiApp {
    /// Reads the built-in and the user's templates; a broken file is reported and skipped.
    pub(super) fn load_templates(&mut self) {
        let loaded = Templates::load(Some(&self.paths.user_templates_dir()));
        if !loaded.problems.is_empty() {
            let list: Vec<String> = loaded
                .problems
                .iter()
                .map(|problem| format!("{}：{}", problem.file.display(), problem.reason))
                .collect();
            self.show_message(
                "模板文件有误",
                format!("以下模板文件无法使用，已跳过：\n{}", list.join("\n")),
            );
        }
        self.template_names = loaded.list.iter().map(listed_name).collect();
        self.templates = loaded.list;
    }

    /// 保存为模板: the open draft's parts, kinds and category titles, without its text.
    pub(super) fn save_as_template(&mut self) {
        let draft = self.doc.draft();
        let title = draft.title.trim();
        let name = if title.is_empty() {
            "我的模板"
        } else {
            title
        }
        .to_owned();
        let id = format!("user-{}", crate::store::recovery::unix_now());
        let template = Template::from_draft(draft, &id, &name, year_in(title));
        match save_user_template(&self.paths.user_templates_dir(), &template) {
            Ok(_) => {
                self.load_templates();
                self.notice = format!("已保存为模板“{name}”：新建时可在“从模板新建”中选用");
            }
            Err(error) => self.show_message("模板未能保存", error.message_zh()),
        }
    }
}

/// How a template is listed: its name, and 自定义 for the writer's own.
fn listed_name(template: &Template) -> String {
    if template.kind == "自定义" {
        format!("{}（自定义）", template.name)
    } else {
        template.name.clone()
    }
}

/// The meeting's year named in a title (`2025年度…`), if any.
fn year_in(title: &str) -> Option<u32> {
    let digits: Vec<char> = title.chars().collect();
    digits.windows(4).find_map(|four| {
        let text: String = four.iter().collect();
        let year: u32 = text.parse().ok()?;
        (2000..2100).contains(&year).then_some(year)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_year_is_read_from_the_title() {
        assert_eq!(year_in("2025年度民主生活会个人对照检查材料"), Some(2025));
        assert_eq!(year_in("对照检查材料"), None);
        assert_eq!(year_in("第12345号"), None);
    }
}
