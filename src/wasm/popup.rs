//! The toolbar popup's schedule (contracts.md: `popup.html` `[data-stratege="schedule"]`, items
//! `[data-stratege="slot"]` with `data-platform`, `data-time` HH:MM local and `data-kind` suggested | planned),
//! rendered from Rust with web-sys: today's suggested slots of every platform and the planned posts in time order,
//! a marker for now (moved every minute with a gloo timer), a day switch (today, tomorrow) and a quick-add form.
//! The words come from JavaScript (chrome.i18n) in `words`; planning and removing a post are JavaScript callbacks
//! (the page stores the plans and gives them back with `set_plans`). Events are delegated to the root with
//! gloo-events, so re-rendering never drops a listener that is running.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::Interval;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, HtmlSelectElement};

use super::TO_JS;
use crate::schedule::answers::{self, DayAnswer, StoredImport};
use crate::schedule::{platform_label, PLATFORMS};

/// The now marker moves once a minute.
const TICK_MS: u32 = 60_000;

/// The popup's words, in the interface's language (keys `popup…` of the locale files).
#[derive(Deserialize)]
struct Words {
    heading: String,
    today: String,
    tomorrow: String,
    now: String,
    empty: String,
    planned: String,
    reminder_on: String,
    remove: String,
    add_heading: String,
    platform: String,
    time: String,
    draft: String,
    reminder: String,
    add: String,
    from_your_data: String,
    from_studies: String,
}

/// A planned post as the page stores it.
#[derive(Clone, Deserialize, Serialize)]
struct Plan {
    id: String,
    platform: String,
    /// `YYYY-MM-DDTHH:MM` local.
    at: String,
    #[serde(default)]
    draft: String,
    #[serde(default)]
    reminder: bool,
}

/// What the popup shows: the user's zone, imports and plans, and which day.
struct State {
    tz: String,
    imports: Vec<StoredImport>,
    plans: Vec<Plan>,
    offset_days: i32,
    words: Words,
    /// Formats a slot's why (`(why) → string`, schedule-words.js `whyLine`).
    why: js_sys::Function,
    /// Called with `{platform, at, draft, reminder}` to plan a post.
    on_add: js_sys::Function,
    /// Called with a plan's id to remove it.
    on_remove: js_sys::Function,
}

/// `new SchedulePopup(root, {tz, imports, plans, words, why, on_add, on_remove})`: renders into `root` at once.
#[wasm_bindgen]
pub struct SchedulePopup {
    root: Element,
    state: Rc<RefCell<State>>,
    _listeners: Vec<EventListener>,
    _tick: Interval,
}

#[derive(Deserialize)]
struct Init {
    tz: String,
    #[serde(default)]
    imports: Vec<StoredImport>,
    #[serde(default)]
    plans: Vec<Plan>,
    words: Words,
}

fn function(options: &JsValue, name: &str) -> Result<js_sys::Function, JsError> {
    js_sys::Reflect::get(options, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| JsError::new(&format!("SchedulePopup: {name} must be a function")))
}

#[wasm_bindgen]
impl SchedulePopup {
    #[wasm_bindgen(constructor)]
    pub fn new(root: Element, options: JsValue) -> Result<SchedulePopup, JsError> {
        console_error_panic_hook::set_once();
        let init: Init = serde_wasm_bindgen::from_value(options.clone())
            .map_err(|e| JsError::new(&format!("SchedulePopup: {e}")))?;
        let state = Rc::new(RefCell::new(State {
            tz: init.tz,
            imports: init.imports,
            plans: init.plans,
            offset_days: 0,
            words: init.words,
            why: function(&options, "why")?,
            on_add: function(&options, "on_add")?,
            on_remove: function(&options, "on_remove")?,
        }));
        let click = {
            let (root, state) = (root.clone(), state.clone());
            EventListener::new(&root.clone(), "click", move |event| on_click(&root, &state, event))
        };
        let submit = {
            let (root, state) = (root.clone(), state.clone());
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&root.clone(), "submit", options, move |event| {
                event.prevent_default();
                on_submit(&root, &state);
            })
        };
        let tick = {
            let (root, state) = (root.clone(), state.clone());
            Interval::new(TICK_MS, move || {
                let _ = render(&root, &state.borrow());
            })
        };
        render(&root, &state.borrow()).map_err(|e| JsError::new(&e))?;
        Ok(SchedulePopup { root, state, _listeners: vec![click, submit], _tick: tick })
    }

    /// The plans changed (one was added or removed, here or elsewhere): shows them.
    pub fn set_plans(&self, plans: JsValue) -> Result<(), JsError> {
        let plans: Vec<Plan> = serde_wasm_bindgen::from_value(plans).map_err(|e| JsError::new(&e.to_string()))?;
        self.state.borrow_mut().plans = plans;
        render(&self.root, &self.state.borrow()).map_err(|e| JsError::new(&e))
    }

    /// The day shown: 0 today, 1 tomorrow.
    pub fn show_day(&self, offset_days: i32) -> Result<(), JsError> {
        self.state.borrow_mut().offset_days = offset_days;
        render(&self.root, &self.state.borrow()).map_err(|e| JsError::new(&e))
    }
}

fn on_click(root: &Element, state: &Rc<RefCell<State>>, event: &web_sys::Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    let Ok(Some(button)) = target.closest("[data-action]") else { return };
    match button.get_attribute("data-action").as_deref() {
        Some("today") => state.borrow_mut().offset_days = 0,
        Some("tomorrow") => state.borrow_mut().offset_days = 1,
        Some("remove") => {
            let id = button.get_attribute("data-plan-id").unwrap_or_default();
            let on_remove = state.borrow().on_remove.clone();
            let _ = on_remove.call1(&JsValue::NULL, &JsValue::from_str(&id));
            return;
        }
        _ => return,
    }
    let _ = render(root, &state.borrow());
    if let Ok(Some(tab)) = root.query_selector("[aria-pressed=true]") {
        if let Some(tab) = tab.dyn_ref::<web_sys::HtmlElement>() {
            let _ = tab.focus();
        }
    }
}

fn field<T: JsCast>(root: &Element, name: &str) -> Option<T> {
    root.query_selector(&format!("[data-stratege=quick-add] [name={name}]")).ok().flatten()?.dyn_into::<T>().ok()
}

fn on_submit(root: &Element, state: &Rc<RefCell<State>>) {
    let (Some(platform), Some(time), Some(draft), Some(reminder)) = (
        field::<HtmlSelectElement>(root, "platform"),
        field::<HtmlInputElement>(root, "time"),
        field::<HtmlInputElement>(root, "draft"),
        field::<HtmlInputElement>(root, "reminder"),
    ) else {
        return;
    };
    let date =
        root.query_selector("[data-stratege=schedule]").ok().flatten().and_then(|s| s.get_attribute("data-date"));
    let (Some(date), time) = (date, time.value()) else { return };
    if time.len() != 5 {
        return;
    }
    #[derive(Serialize)]
    struct NewPlan {
        platform: String,
        at: String,
        draft: String,
        reminder: bool,
    }
    let plan = NewPlan {
        platform: platform.value(),
        at: format!("{date}T{time}"),
        draft: draft.value(),
        reminder: reminder.checked(),
    };
    let on_add = state.borrow().on_add.clone();
    if let Ok(value) = plan.serialize(&TO_JS) {
        let _ = on_add.call1(&JsValue::NULL, &value);
    }
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn el(document: &Document, tag: &str, attributes: &[(&str, &str)], text: Option<&str>) -> Result<Element, String> {
    let e = document.create_element(tag).map_err(|_| format!("cannot create <{tag}>"))?;
    for (name, value) in attributes {
        e.set_attribute(name, value).map_err(|_| format!("cannot set {name}"))?;
    }
    if let Some(text) = text {
        e.set_text_content(Some(text));
    }
    Ok(e)
}

fn append(parent: &Element, child: &Element) -> Result<(), String> {
    parent.append_child(child).map(|_| ()).map_err(|_| "cannot append".to_string())
}

/// One line of the day: a suggested slot, a planned post, or the now marker.
enum Line<'a> {
    Slot(&'a answers::SlotAnswer),
    Plan(&'a Plan),
}

impl Line<'_> {
    fn time(&self) -> &str {
        match self {
            Line::Slot(s) => &s.time,
            Line::Plan(p) => p.at.get(11..16).unwrap_or(""),
        }
    }
    fn order(&self) -> (String, u8, usize) {
        let platform = match self {
            Line::Slot(s) => s.platform,
            Line::Plan(p) => p.platform.as_str(),
        };
        let rank = PLATFORMS.iter().position(|p| p.id() == platform).unwrap_or(PLATFORMS.len());
        (self.time().to_string(), u8::from(matches!(self, Line::Plan(_))), rank)
    }
}

fn label_of(id: &str) -> &str {
    PLATFORMS.iter().find(|p| p.id() == id).map_or(id, |&p| platform_label(p))
}

/// Draws the whole popup from the state (a few dozen nodes: cheaper than diffing them).
fn render(root: &Element, state: &State) -> Result<(), String> {
    let now = answers::now_at(&state.tz, now_ms())?;
    let day: DayAnswer = answers::day_at(&[], &now, state.offset_days, &state.imports)?;
    let document = root.owner_document().ok_or("no document")?;
    let w = &state.words;
    let section = el(
        &document,
        "section",
        &[("data-stratege", "schedule"), ("data-date", &day.date), ("aria-labelledby", "schedule-h")],
        None,
    )?;
    let header = el(&document, "div", &[("class", "day-switch")], None)?;
    append(&header, &el(&document, "h2", &[("id", "schedule-h")], Some(&format!("{} · {}", w.heading, day.date)))?)?;
    for (offset, action, label) in [(0, "today", &w.today), (1, "tomorrow", &w.tomorrow)] {
        let pressed = if state.offset_days == offset { "true" } else { "false" };
        let button = el(
            &document,
            "button",
            &[
                ("type", "button"),
                ("data-action", action),
                ("data-stratege", &format!("schedule-{action}")),
                ("aria-pressed", pressed),
            ],
            Some(label),
        )?;
        append(&header, &button)?;
    }
    append(&section, &header)?;

    let mut lines: Vec<Line> = day.slots.iter().map(Line::Slot).collect();
    lines.extend(state.plans.iter().filter(|p| p.at.starts_with(&day.date)).map(Line::Plan));
    crate::sort::sort_by_key(&mut lines, Line::order);
    let list = el(&document, "ol", &[("class", "day")], None)?;
    let now_time = &day.now[11..16];
    let mut marker_placed = state.offset_days != 0;
    for line in &lines {
        if !marker_placed && line.time() > now_time {
            append(&list, &now_marker(&document, w, now_time)?)?;
            marker_placed = true;
        }
        append(&list, &line_item(&document, state, line)?)?;
    }
    if !marker_placed {
        append(&list, &now_marker(&document, w, now_time)?)?;
    }
    if lines.is_empty() {
        append(&list, &el(&document, "li", &[("class", "empty")], Some(&w.empty))?)?;
    }
    append(&section, &list)?;
    append(&section, &quick_add(&document, w, &day, state.offset_days == 0)?)?;
    while let Some(child) = root.first_child() {
        root.remove_child(&child).map_err(|_| "cannot clear the popup")?;
    }
    append(root, &section)
}

fn now_marker(document: &Document, w: &Words, now_time: &str) -> Result<Element, String> {
    el(
        document,
        "li",
        &[("data-stratege", "now"), ("data-time", now_time), ("class", "now")],
        Some(&format!("{} {now_time}", w.now)),
    )
}

fn line_item(document: &Document, state: &State, line: &Line) -> Result<Element, String> {
    let w = &state.words;
    match line {
        Line::Slot(slot) => {
            let why = state.why.call1(&JsValue::NULL, &slot.why.serialize(&TO_JS).map_err(|e| e.to_string())?);
            let why = why.ok().and_then(|v| v.as_string()).unwrap_or_default();
            let item = el(
                document,
                "li",
                &[
                    ("data-stratege", "slot"),
                    ("data-platform", slot.platform),
                    ("data-time", &slot.time),
                    ("data-kind", "suggested"),
                    ("title", &why),
                ],
                None,
            )?;
            append(&item, &el(document, "span", &[("class", "time")], Some(&format!("{}–{}", slot.time, slot.end)))?)?;
            append(&item, &el(document, "span", &[("class", "platform")], Some(label_of(slot.platform)))?)?;
            let source = match slot.source {
                crate::schedule::hint::Source::YourData => &w.from_your_data,
                crate::schedule::hint::Source::PublishedStudies => &w.from_studies,
            };
            let lift = format!("+{} % · {source}", slot.lift_percent);
            append(&item, &el(document, "span", &[("class", "lift")], Some(&lift))?)?;
            Ok(item)
        }
        Line::Plan(plan) => {
            let time = line.time();
            let item = el(
                document,
                "li",
                &[
                    ("data-stratege", "slot"),
                    ("data-platform", &plan.platform),
                    ("data-time", time),
                    ("data-kind", "planned"),
                    ("data-plan-id", &plan.id),
                ],
                None,
            )?;
            append(&item, &el(document, "span", &[("class", "time")], Some(time))?)?;
            append(&item, &el(document, "span", &[("class", "platform")], Some(label_of(&plan.platform)))?)?;
            let mut what = w.planned.clone();
            if !plan.draft.is_empty() {
                what = format!("{what}: {}", plan.draft);
            }
            append(&item, &el(document, "span", &[("class", "draft")], Some(&what))?)?;
            if plan.reminder {
                append(&item, &el(document, "span", &[("class", "reminder"), ("title", &w.reminder_on)], Some("⏰"))?)?;
            }
            let remove = el(
                document,
                "button",
                &[("type", "button"), ("data-action", "remove"), ("data-plan-id", &plan.id), ("aria-label", &w.remove)],
                Some("×"),
            )?;
            append(&item, &remove)?;
            Ok(item)
        }
    }
}

fn quick_add(document: &Document, w: &Words, day: &DayAnswer, today: bool) -> Result<Element, String> {
    let form = el(document, "form", &[("data-stratege", "quick-add"), ("aria-label", &w.add_heading)], None)?;
    // The first suggested slot still ahead (any slot tomorrow) is the time offered.
    let now_time = &day.now[11..16];
    let next = day.slots.iter().find(|s| !today || s.time.as_str() > now_time);
    let platform_field = el(document, "label", &[], Some(&w.platform))?;
    let select = el(document, "select", &[("name", "platform")], None)?;
    for p in PLATFORMS {
        let mut attributes = vec![("value", p.id())];
        if next.is_some_and(|s| s.platform == p.id()) {
            attributes.push(("selected", ""));
        }
        append(&select, &el(document, "option", &attributes, Some(platform_label(p)))?)?;
    }
    append(&platform_field, &select)?;
    append(&form, &platform_field)?;
    let time_label = el(document, "label", &[], Some(&w.time))?;
    let value = next.map_or("", |s| s.time.as_str());
    append(
        &time_label,
        &el(document, "input", &[("name", "time"), ("type", "time"), ("required", ""), ("value", value)], None)?,
    )?;
    append(&form, &time_label)?;
    let draft_label = el(document, "label", &[("class", "wide")], Some(&w.draft))?;
    append(&draft_label, &el(document, "input", &[("name", "draft"), ("autocomplete", "off")], None)?)?;
    append(&form, &draft_label)?;
    let reminder_label = el(document, "label", &[], None)?;
    append(
        &reminder_label,
        &el(document, "input", &[("name", "reminder"), ("type", "checkbox"), ("checked", "")], None)?,
    )?;
    reminder_label.append_with_str_1(&w.reminder).map_err(|_| "cannot label")?;
    append(&form, &reminder_label)?;
    append(&form, &el(document, "button", &[("type", "submit")], Some(&w.add))?)?;
    Ok(form)
}
