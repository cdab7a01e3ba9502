//! The default table and the table in force: lookups, labels, rebinding.

use super::*;
use crate::tui::action::{Global, HelpAction};
use Key::{Ctrl, Plain};
use KeyCode::Char;

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn normal(code: KeyCode) -> Option<Action> {
    action_for(Section::Replay, press(code))
}

#[test]
fn each_key_of_the_issue_maps_to_its_action() {
    let table = [
        (KeyCode::Right, Action::Viewer(ViewerAction::NextEvent)),
        (Char('l'), Action::Viewer(ViewerAction::NextEvent)),
        (KeyCode::Down, Action::Viewer(ViewerAction::NextEvent)),
        (Char('j'), Action::Viewer(ViewerAction::NextEvent)),
        (KeyCode::Left, Action::Viewer(ViewerAction::PrevEvent)),
        (Char('h'), Action::Viewer(ViewerAction::PrevEvent)),
        (KeyCode::Up, Action::Viewer(ViewerAction::PrevEvent)),
        (Char('k'), Action::Viewer(ViewerAction::PrevEvent)),
        (Char(']'), Action::Viewer(ViewerAction::NextGoal)),
        (Char('['), Action::Viewer(ViewerAction::PrevGoal)),
        (KeyCode::Home, Action::Viewer(ViewerAction::KickOff)),
        (Char('g'), Action::Viewer(ViewerAction::KickOff)),
        (KeyCode::End, Action::Viewer(ViewerAction::FullTime)),
        (Char('G'), Action::Viewer(ViewerAction::FullTime)),
        (Char(' '), Action::Viewer(ViewerAction::TogglePlay)),
        (Char('+'), Action::Viewer(ViewerAction::Faster)),
        (Char('-'), Action::Viewer(ViewerAction::Slower)),
        (KeyCode::PageDown, Action::Viewer(ViewerAction::ScrollDown)),
        (KeyCode::PageUp, Action::Viewer(ViewerAction::ScrollUp)),
        (Char(':'), Action::Viewer(ViewerAction::OpenPrompt)),
        (Char('t'), Action::Viewer(ViewerAction::OpenPrompt)),
        (Char('s'), Action::Viewer(ViewerAction::ToggleSpoilers)),
        (Char('?'), Action::Global(Global::OpenHelp)),
        (Char('q'), Action::Global(Global::Quit)),
        (KeyCode::Esc, Action::Viewer(ViewerAction::Back)),
        (Char('/'), Action::Viewer(ViewerAction::OpenSearch)),
        (Char('n'), Action::Viewer(ViewerAction::NextHit)),
        (Char('N'), Action::Viewer(ViewerAction::PrevHit)),
        (Char('f'), Action::Viewer(ViewerAction::OpenFilter)),
        (Char('m'), Action::Viewer(ViewerAction::ToggleMark)),
        (Char('\''), Action::Viewer(ViewerAction::NextMark)),
        (KeyCode::Tab, Action::Viewer(ViewerAction::NextView)),
        (KeyCode::BackTab, Action::Viewer(ViewerAction::PrevView)),
        (Char('a'), Action::Viewer(ViewerAction::ToggleAllEvents)),
        (Char('y'), Action::Viewer(ViewerAction::CopyMoment)),
    ];
    for (code, action) in table {
        assert_eq!(normal(code), Some(action), "{code:?}");
    }
    assert_eq!(normal(Char('x')), None);
    assert_eq!(normal(KeyCode::F(5)), None);
}

#[test]
fn shifted_characters_still_match() {
    // Terminals with the kitty protocol report Shift for `G`, `?`, `:`.
    for (c, action) in [
        ('G', Action::Viewer(ViewerAction::FullTime)),
        ('?', Action::Global(Global::OpenHelp)),
        (':', Action::Viewer(ViewerAction::OpenPrompt)),
        ('+', Action::Viewer(ViewerAction::Faster)),
    ] {
        let key = KeyEvent::new(Char(c), KeyModifiers::SHIFT);
        assert_eq!(action_for(Section::Replay, key), Some(action));
    }
}

#[test]
fn releases_and_repeats_are_ignored() {
    for kind in [KeyEventKind::Release, KeyEventKind::Repeat] {
        let mut key = press(KeyCode::Right);
        key.kind = kind;
        assert_eq!(action_for(Section::Replay, key), None);
    }
}

#[test]
fn ctrl_c_quits_everywhere_and_plain_c_does_not() {
    let ctrl_c = KeyEvent::new(Char('c'), KeyModifiers::CONTROL);
    for section in Section::ALL {
        assert_eq!(
            action_for(section, ctrl_c),
            Some(Action::Global(Global::Quit)),
            "{section:?}"
        );
    }
    assert_eq!(normal(Char('c')), None);
    // Ctrl with a bound letter is not that letter.
    let ctrl_l = KeyEvent::new(Char('l'), KeyModifiers::CONTROL);
    assert_eq!(action_for(Section::Replay, ctrl_l), None);
}

#[test]
fn shift_tab_goes_back_as_terminals_report_it() {
    // Terminals send Shift-Tab as BackTab, most with Shift held too.
    for modifiers in [KeyModifiers::SHIFT, KeyModifiers::NONE] {
        let key = KeyEvent::new(KeyCode::BackTab, modifiers);
        assert_eq!(
            action_for(Section::Replay, key),
            Some(Action::Viewer(ViewerAction::PrevView))
        );
    }
    assert_eq!(Plain(KeyCode::BackTab).label(), "Shift-Tab");
    assert_eq!(Plain(KeyCode::Tab).label(), "Tab");
}

#[test]
fn ctrl_z_suspends_everywhere_and_plain_z_does_not() {
    let ctrl_z = KeyEvent::new(Char('z'), KeyModifiers::CONTROL);
    for section in Section::ALL {
        assert_eq!(
            action_for(section, ctrl_z),
            Some(Action::Global(Global::Suspend)),
            "{section:?}"
        );
    }
    assert_eq!(normal(Char('z')), None);
}

#[test]
fn the_prompt_takes_clock_characters_only() {
    let prompt = |code| action_for(Section::Prompt, press(code));
    for c in "0123456789+:".chars() {
        assert_eq!(
            prompt(Char(c)),
            Some(Action::Viewer(ViewerAction::PromptType(c)))
        );
    }
    for c in "aq -'".chars() {
        assert_eq!(prompt(Char(c)), None, "{c:?}");
    }
    assert_eq!(
        prompt(KeyCode::Enter),
        Some(Action::Viewer(ViewerAction::PromptSubmit))
    );
    assert_eq!(
        prompt(KeyCode::Esc),
        Some(Action::Viewer(ViewerAction::PromptCancel))
    );
    assert_eq!(
        prompt(KeyCode::Backspace),
        Some(Action::Viewer(ViewerAction::PromptBackspace))
    );
}

#[test]
fn the_search_prompt_takes_any_text_but_not_ctrl_keys() {
    let search = |key| action_for(Section::Search, key);
    for c in "aqQ 'é/?1n".chars() {
        assert_eq!(
            search(press(Char(c))),
            Some(Action::Viewer(ViewerAction::PromptType(c))),
            "{c:?}"
        );
    }
    let shifted = KeyEvent::new(Char('M'), KeyModifiers::SHIFT);
    assert_eq!(
        search(shifted),
        Some(Action::Viewer(ViewerAction::PromptType('M')))
    );
    let alt = KeyEvent::new(Char('b'), KeyModifiers::ALT);
    assert_eq!(search(alt), None);
    assert_eq!(
        search(press(KeyCode::Enter)),
        Some(Action::Viewer(ViewerAction::PromptSubmit))
    );
    assert_eq!(
        search(press(KeyCode::Esc)),
        Some(Action::Viewer(ViewerAction::PromptCancel))
    );
}

#[test]
fn the_filter_menu_offers_each_filter_and_closes_with_esc_or_f() {
    let menu = |code| action_for(Section::Filter, press(code));
    let choices = [
        ('g', Action::Viewer(ViewerAction::FilterGoals)),
        ('c', Action::Viewer(ViewerAction::FilterCards)),
        ('h', Action::Viewer(ViewerAction::FilterHome)),
        ('a', Action::Viewer(ViewerAction::FilterAway)),
        ('p', Action::Viewer(ViewerAction::FilterPlayer)),
        ('x', Action::Viewer(ViewerAction::ClearFilter)),
    ];
    for (c, action) in choices {
        assert_eq!(menu(Char(c)), Some(action), "{c}");
    }
    assert_eq!(
        menu(KeyCode::Esc),
        Some(Action::Viewer(ViewerAction::CloseFilter))
    );
    assert_eq!(
        menu(Char('f')),
        Some(Action::Viewer(ViewerAction::CloseFilter))
    );
    assert_eq!(menu(KeyCode::Right), None, "no stepping under the menu");
}

#[test]
fn help_closes_with_esc_question_mark_or_q() {
    for code in [KeyCode::Esc, Char('?'), Char('q')] {
        assert_eq!(
            action_for(Section::Help, press(code)),
            Some(Action::Help(HelpAction::Close))
        );
    }
    assert_eq!(action_for(Section::Help, press(KeyCode::Right)), None);
}

#[test]
fn no_key_is_bound_twice_in_a_section() {
    for section in Section::ALL {
        let keys: Vec<Key> = bindings(section)
            .flat_map(|b| b.keys.iter().copied())
            .collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(
                !keys[i + 1..].contains(k),
                "{k:?} bound twice in {section:?}"
            );
        }
    }
    assert_eq!(Keymap::default().conflict(), None);
}

#[test]
fn every_label_reads_back_as_its_key() {
    for binding in KEYMAP {
        for &key in binding.keys.iter() {
            if key != Key::ClockChar && key != Key::TextChar {
                assert_eq!(key.label().parse::<Key>(), Ok(key), "{key:?}");
            }
        }
    }
    for key in [Plain(KeyCode::F(5)), Plain(KeyCode::Delete), Ctrl('x')] {
        assert_eq!(key.label().parse::<Key>(), Ok(key));
    }
}

#[test]
fn key_names_ignore_case_but_letters_keep_it() {
    assert_eq!("pagedown".parse(), Ok(Plain(KeyCode::PageDown)));
    assert_eq!("ESCAPE".parse(), Ok(Plain(KeyCode::Esc)));
    assert_eq!("ctrl-Q".parse(), Ok(Ctrl('q')));
    assert_eq!("G".parse(), Ok(Plain(Char('G'))));
    assert_eq!("g".parse(), Ok(Plain(Char('g'))));
    assert_eq!("é".parse(), Ok(Plain(Char('é'))));
    for bad in ["", "Rigth", "Ctrl-", "Ctrl-1", "F13", "F0", "\u{7}", "ab"] {
        let err = bad.parse::<Key>().unwrap_err();
        assert!(
            err.to_string().contains("expected one character"),
            "{bad:?}"
        );
    }
}

#[test]
fn rebinding_swaps_keys_in_the_one_table() {
    let mut keymap = Keymap::default();
    keymap
        .rebind(
            Section::Replay,
            Action::Viewer(ViewerAction::NextEvent),
            &[Plain(Char('n')), Plain(Char('n'))],
        )
        .unwrap();
    let press_n = press(Char('n'));
    assert_eq!(
        keymap.action_for(Section::Replay, press_n),
        Some(Action::Viewer(ViewerAction::NextEvent))
    );
    assert_eq!(
        keymap.action_for(Section::Replay, press(KeyCode::Right)),
        None
    );
    assert_eq!(
        action_for(Section::Replay, press(KeyCode::Right)),
        Some(Action::Viewer(ViewerAction::NextEvent))
    );
    let row = keymap
        .bindings(Section::Replay)
        .find(|b| b.command == Command::Do(Action::Viewer(ViewerAction::NextEvent)))
        .unwrap();
    assert_eq!(&*row.keys, &[Plain(Char('n'))], "listed twice, kept once");
    assert_eq!(
        keymap.bindings(Section::Replay).count(),
        bindings(Section::Replay).count(),
        "still one row per binding"
    );
}

#[test]
fn two_actions_may_swap_keys_but_not_share_one() {
    let mut keymap = Keymap::default();
    keymap
        .rebind(
            Section::Replay,
            Action::Viewer(ViewerAction::NextGoal),
            &[Plain(Char('['))],
        )
        .unwrap();
    let conflict = keymap.conflict().expect("[ is also the previous goal");
    assert_eq!(conflict.key, Plain(Char('[')));
    assert_eq!(
        conflict.to_string(),
        "key \"[\" would do both next_goal and prev_goal in the replay keys, expected each key to do one thing"
    );
    keymap
        .rebind(
            Section::Replay,
            Action::Viewer(ViewerAction::PrevGoal),
            &[Plain(Char(']'))],
        )
        .unwrap();
    assert_eq!(keymap.conflict(), None);
    assert_eq!(
        keymap.action_for(Section::Replay, press(Char('['))),
        Some(Action::Viewer(ViewerAction::NextGoal))
    );
}

#[test]
fn a_digit_in_the_prompt_conflicts_with_typing_the_minute() {
    let mut keymap = Keymap::default();
    keymap
        .rebind(
            Section::Prompt,
            Action::Viewer(ViewerAction::PromptSubmit),
            &[Plain(Char('5'))],
        )
        .unwrap();
    let conflict = keymap.conflict().unwrap();
    assert!(
        conflict
            .to_string()
            .contains("typing the minute and prompt_submit"),
        "{conflict}"
    );
}

#[test]
fn a_letter_in_the_search_prompt_conflicts_with_typing_the_search() {
    let mut keymap = Keymap::default();
    keymap
        .rebind(
            Section::Search,
            Action::Viewer(ViewerAction::PromptSubmit),
            &[Plain(Char('q'))],
        )
        .unwrap();
    let conflict = keymap.conflict().unwrap();
    assert!(
        conflict
            .to_string()
            .contains("typing the search and prompt_submit in the search keys"),
        "{conflict}"
    );
    let mut keymap = Keymap::default();
    keymap
        .rebind(
            Section::Search,
            Action::Viewer(ViewerAction::PromptSubmit),
            &[Plain(KeyCode::F(3))],
        )
        .unwrap();
    assert_eq!(keymap.conflict(), None, "a function key types nothing");
}

#[test]
fn rebinding_refuses_actions_of_other_sections_and_empty_lists() {
    let mut keymap = Keymap::default();
    let err = keymap
        .rebind(
            Section::Replay,
            Action::Viewer(ViewerAction::PromptSubmit),
            &[Plain(Char('x'))],
        )
        .unwrap_err();
    assert!(
        err.to_string().starts_with(
            "prompt_submit is not one of the replay keys, expected one of next_event, prev_event"
        ),
        "{err}"
    );
    let err = keymap
        .rebind(Section::Replay, Action::Global(Global::Quit), &[])
        .unwrap_err();
    assert!(err.to_string().contains("no keys for quit"), "{err}");
    assert_eq!(keymap, Keymap::default());
}

#[test]
fn hints_name_rebound_keys() {
    let hint = |keymap: &Keymap, action: Action| {
        let row = keymap
            .bindings(Section::Replay)
            .find(|b| b.command == Command::Do(action))
            .unwrap();
        keymap.hint_keys(row)
    };
    let mut keymap = Keymap::default();
    assert_eq!(
        hint(&keymap, Action::Viewer(ViewerAction::NextEvent)).as_deref(),
        Some("←→")
    );
    assert_eq!(hint(&keymap, Action::Viewer(ViewerAction::PrevEvent)), None);
    keymap
        .rebind(
            Section::Replay,
            Action::Viewer(ViewerAction::PrevEvent),
            &[Plain(Char('b'))],
        )
        .unwrap();
    assert_eq!(
        hint(&keymap, Action::Viewer(ViewerAction::NextEvent)).as_deref(),
        Some("b/Right")
    );
    keymap
        .rebind(
            Section::Replay,
            Action::Global(Global::Quit),
            &[Plain(Char('x'))],
        )
        .unwrap();
    assert_eq!(
        hint(&keymap, Action::Global(Global::Quit)).as_deref(),
        Some("x")
    );
    assert_eq!(
        hint(&keymap, Action::Global(Global::OpenHelp)).as_deref(),
        Some("?")
    );
}

#[test]
fn actions_and_sections_have_snake_case_names() {
    assert_eq!(Action::Viewer(ViewerAction::NextEvent).name(), "next_event");
    assert_eq!(
        Action::Viewer(ViewerAction::ToggleAllEvents).name(),
        "toggle_all_events"
    );
    assert_eq!(Section::Replay.name(), "replay");
    assert_eq!(Section::Prompt.name(), "prompt");
}

#[test]
fn the_match_list_moves_with_arrows_and_filters_after_a_slash() {
    let list = |code| action_for(Section::Library, press(code));
    assert_eq!(list(KeyCode::Down), Some(Action::List(ListAction::Down)));
    assert_eq!(list(Char('k')), Some(Action::List(ListAction::Up)));
    assert_eq!(list(KeyCode::Enter), Some(Action::List(ListAction::Open)));
    assert_eq!(list(Char('/')), Some(Action::List(ListAction::Filter)));
    assert_eq!(
        list(Char('s')),
        Some(Action::List(ListAction::ToggleSpoilers))
    );
    assert_eq!(list(Char('q')), Some(Action::Global(Global::Quit)));
    assert_eq!(
        list(KeyCode::Esc),
        Some(Action::List(ListAction::FilterClear))
    );
    // Typing, every character is text: `s`, `q` and `j` included.
    let typing = |code| action_for(Section::LibraryFilter, press(code));
    for c in "sqj/ 2é".chars() {
        assert_eq!(
            typing(Char(c)),
            Some(Action::List(ListAction::FilterType(c))),
            "{c:?}"
        );
    }
    let shifted = KeyEvent::new(Char('F'), KeyModifiers::SHIFT);
    assert_eq!(
        action_for(Section::LibraryFilter, shifted),
        Some(Action::List(ListAction::FilterType('F')))
    );
    assert_eq!(typing(KeyCode::Down), Some(Action::List(ListAction::Down)));
    assert_eq!(typing(KeyCode::Enter), Some(Action::List(ListAction::Open)));
    assert_eq!(
        typing(KeyCode::Esc),
        Some(Action::List(ListAction::FilterDone))
    );
    assert_eq!(
        typing(KeyCode::Backspace),
        Some(Action::List(ListAction::FilterBackspace))
    );
}

#[test]
fn labels_name_keys_in_words() {
    assert_eq!(Plain(KeyCode::Right).label(), "Right");
    assert_eq!(Plain(Char(' ')).label(), "Space");
    assert_eq!(Ctrl('c').label(), "Ctrl-C");
    assert_eq!(Key::ClockChar.label(), "0-9 + :");
    assert_eq!(Plain(Char('\'')).label(), "'");
}

#[test]
fn each_section_asks_only_for_its_own_screen_s_actions_and_global_ones() {
    for binding in KEYMAP {
        let fits = matches!(
            (binding.section, binding.command),
            (_, Command::Do(Action::Global(_)))
                | (
                    Section::Replay | Section::Prompt | Section::Search | Section::Filter,
                    Command::Do(Action::Viewer(_)),
                )
                | (Section::Prompt | Section::Search, Command::Type)
                | (Section::Help, Command::Do(Action::Help(_)))
                | (
                    Section::Library | Section::LibraryFilter,
                    Command::Do(Action::List(_))
                )
                | (Section::LibraryFilter, Command::TypeFilter)
        );
        assert!(fits, "{:?} in {:?}", binding.command, binding.section);
    }
}

#[test]
fn titles_and_key_names_come_from_the_keys_in_force() {
    let mut keymap = Keymap::default();
    assert_eq!(keymap.title(Section::Prompt), "Minute prompt (: or t)");
    assert_eq!(keymap.title(Section::Search), "Search prompt (/)");
    assert_eq!(keymap.title(Section::Filter), "Filter menu (f)");
    assert_eq!(keymap.title(Section::LibraryFilter), "Filter (/)");
    assert_eq!(
        keymap.any_key(Section::Replay, ViewerAction::KickOff),
        "Home or g"
    );
    assert_eq!(
        keymap.key(Section::Replay, ViewerAction::ToggleSpoilers),
        "s"
    );
    assert_eq!(keymap.hint(Section::Replay, ViewerAction::NextEvent), "←→");
    assert_eq!(keymap.hint(Section::Replay, ViewerAction::PrevEvent), "←→");
    keymap
        .rebind(
            Section::Replay,
            ViewerAction::OpenPrompt,
            &[Plain(KeyCode::F(4))],
        )
        .unwrap();
    keymap
        .rebind(
            Section::Replay,
            ViewerAction::NextEvent,
            &[Plain(Char('n'))],
        )
        .unwrap();
    keymap
        .rebind(Section::Replay, ViewerAction::NextHit, &[Plain(Char('>'))])
        .unwrap();
    assert_eq!(keymap.title(Section::Prompt), "Minute prompt (F4)");
    assert_eq!(
        keymap.hint(Section::Replay, ViewerAction::NextEvent),
        "Left/n"
    );
    assert_eq!(
        keymap.key(Section::Help, ViewerAction::NextEvent),
        "",
        "no row"
    );
}
