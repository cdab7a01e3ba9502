//! What each of the viewer's actions does: [`App::apply`] routes each to
//! a short handler here. Each handler changes the state and sets the
//! footer's notice; what it asks of the world (a copy, leaving the match)
//! it returns as [`Effects`].

use super::super::action::ViewerAction;
use super::super::effect::{Effect, Effects};
use super::super::notice::Notice;
use super::super::views::View;
use super::chrome::Mode;
use super::finding::Found;
use super::{App, parse_minute};
use crate::model::Side;
use crate::replay::Stops;
use crate::replay::filter::{EventFilter, Only, Scope};

impl App {
    /// Applies one of the viewer's actions.
    pub(super) fn apply(&mut self, action: ViewerAction) -> Effects {
        use ViewerAction as A;
        let replay = self.nav.replay();
        match action {
            A::NextEvent => self.next_event(),
            A::PrevEvent => self.prev_event(),
            A::NextGoal => self.go_or_say(replay.next_goal(self.step()), Notice::NoGoalAfter),
            A::PrevGoal => self.go_or_say(replay.prev_goal(self.step()), Notice::NoGoalBefore),
            A::KickOff => self.nav.go_to(replay.kick_off()),
            A::FullTime => self.nav.go_to(replay.full_time()),
            A::TogglePlay => self.toggle_play(),
            A::Faster => self.play.playback.faster(),
            A::Slower => self.play.playback.slower(),
            A::ScrollDown => self.ui.scroll_commentary(true),
            A::ScrollUp => self.ui.scroll_commentary(false),
            A::OpenPrompt => self.ui.open(Mode::Prompt),
            A::ToggleSpoilers => self.ui.spoilers = !self.ui.spoilers,
            A::NextView => self.set_view(self.ui.view.next()),
            A::PrevView => self.set_view(self.ui.view.prev()),
            A::ToggleAllEvents => self.toggle_all_events(),
            A::CopyMoment => return self.copy_moment(),
            A::OpenSearch => self.ui.open(Mode::Search),
            A::NextHit => self.step_to_hit(true),
            A::PrevHit => self.step_to_hit(false),
            A::OpenFilter => self.ui.mode = Mode::Filter,
            A::FilterGoals => self.choose_filter(Some(Only::Goals)),
            A::FilterCards => self.choose_filter(Some(Only::Cards)),
            A::FilterHome => self.choose_filter(Some(Only::Team(Side::Home))),
            A::FilterAway => self.choose_filter(Some(Only::Team(Side::Away))),
            A::FilterPlayer => self.filter_player(),
            A::ClearFilter => self.choose_filter(None),
            A::CloseFilter => self.ui.mode = Mode::Replay,
            A::ToggleMark => self.toggle_mark(),
            A::NextMark => self.next_mark(),
            A::Back => return self.back(),
            A::GoTo(step) => self.drag(step, false),
            A::Grab(step) => self.drag(step, true),
            A::Release => self.ui.dragging = false,
            A::PromptType(c) => self.ui.type_char(c),
            A::PromptBackspace => self.ui.backspace(),
            A::PromptSubmit if self.ui.mode == Mode::Search => self.submit_search(),
            A::PromptSubmit => self.submit_minute(),
            A::PromptCancel => self.ui.mode = Mode::Replay,
        }
        Effects::none()
    }

    fn say(&mut self, notice: Notice) {
        self.ui.notice = Some(notice);
    }

    /// Goes to `target`, or says `otherwise` when there is none.
    fn go_or_say(&mut self, target: Option<usize>, otherwise: Notice) {
        match target {
            Some(step) => self.nav.go_to(step),
            None => self.say(otherwise),
        }
    }

    fn next_event(&mut self) {
        if let Some(step) = self.nav.next_stop(self.step()) {
            self.nav.go_to(step);
            return;
        }
        let filter = self.nav.filter();
        let notice = match filter.label(&self.replay().game().info) {
            Some(filter) if self.nav.filter().is_narrowed() => {
                Notice::NothingLaterListed { filter }
            }
            _ => Notice::LastMoment,
        };
        self.say(notice);
    }

    fn prev_event(&mut self) {
        let target = self.nav.prev_stop(self.step());
        self.go_or_say(target, Notice::NothingEarlier);
    }

    fn toggle_play(&mut self) {
        let playback = &mut self.play.playback;
        if playback.playing {
            playback.playing = false;
        } else if self.nav.next_stop(self.nav.step()).is_some() {
            playback.playing = true;
        } else {
            self.say(Notice::FinalMoment);
        }
    }

    /// A click (`grab`: a press on the progress bar, which a drag then
    /// follows) goes to `step`.
    fn drag(&mut self, step: usize, grab: bool) {
        self.nav.go_to(step);
        self.ui.dragging = grab;
    }

    pub(super) fn set_view(&mut self, view: View) {
        self.ui.view = view;
        self.play.ball = 0.0;
        self.nav.set_stops(if view == View::Pitch {
            Stops::Located
        } else {
            Stops::Listed
        });
    }

    fn toggle_all_events(&mut self) {
        let (scope, notice) = match self.nav.filter().scope {
            Scope::KeyMoments => (Scope::All, Notice::EveryEvent),
            Scope::All => (Scope::KeyMoments, Notice::KeyMomentsOnly),
        };
        self.set_filter(EventFilter {
            scope,
            ..self.nav.filter().clone()
        });
        self.say(notice);
    }

    /// Puts the current moment's line up for the event loop to copy, and
    /// says in the footer what will become of it.
    fn copy_moment(&mut self) -> Effects {
        let line = crate::share::moment_line(&self.state(), self.sharing.file.as_deref());
        let clipboard = self.sharing.clipboard;
        self.say(Notice::Copied {
            outcome: clipboard.outcome(),
            line: line.clone(),
        });
        Effects::one(Effect::Copy { line, clipboard })
    }

    /// Goes where a finding key found, and says what it found.
    fn follow(&mut self, found: Found) {
        if let Some(step) = found.target {
            self.nav.go_to(step);
        }
        self.ui.notice = found.notice;
    }

    fn step_to_hit(&mut self, forward: bool) {
        let found = self
            .finding
            .step_to_hit(forward, self.step(), self.ui.spoilers);
        self.follow(found);
    }

    fn submit_search(&mut self) {
        self.ui.mode = Mode::Replay;
        let found = self
            .finding
            .run(&self.ui.prompt.input, &self.nav, self.ui.spoilers);
        self.follow(found);
    }

    fn submit_minute(&mut self) {
        let prompt = &mut self.ui.prompt;
        let input = prompt.input.trim();
        if input.is_empty() {
            prompt.error = Some("type a minute, such as 54 or 90+4".to_owned());
            return;
        }
        match parse_minute(input) {
            Ok(clock) => {
                let step = self.nav.replay().step_at_clock(clock);
                self.nav.go_to(step);
                self.ui.mode = Mode::Replay;
            }
            Err(reason) => prompt.error = Some(reason),
        }
    }

    /// Applies a choice from the filter menu (`None`: no filter) and
    /// closes it.
    fn choose_filter(&mut self, only: Option<Only>) {
        self.ui.mode = Mode::Replay;
        let cleared = only.is_none();
        self.set_filter(EventFilter {
            only,
            ..self.nav.filter().clone()
        });
        let notice = match self.nav.filter().label(&self.replay().game().info) {
            Some(filter) if !cleared => Notice::Listing { filter },
            _ => Notice::FilterCleared,
        };
        self.say(notice);
    }

    fn filter_player(&mut self) {
        match self.moment_player() {
            Some(name) => self.choose_filter(Some(Only::Player(name))),
            None => {
                self.ui.mode = Mode::Replay;
                self.say(Notice::NoPlayerHere);
            }
        }
    }

    fn toggle_mark(&mut self) {
        let notice = self
            .finding
            .toggle_mark(self.step(), self.moment_label(self.step()));
        self.say(notice);
    }

    fn next_mark(&mut self) {
        let found = self
            .finding
            .next_mark(self.step(), |step| self.moment_label(step));
        self.follow(found);
    }

    /// The moment at `step` in a few words: "54'", "before kick-off".
    fn moment_label(&self, step: usize) -> String {
        let state = self.replay().at(step);
        match (state.event(), state.clock()) {
            (None, _) => "before kick-off".to_owned(),
            (Some(_), Some(clock)) => clock.display().to_string(),
            (Some(_), None) => "a shoot-out kick".to_owned(),
        }
    }

    /// Back out one level: the search goes first, then the filter, and
    /// only then the match, so a fan backing out of a search does not
    /// lose the replay. Leaving is the parent's to carry out: the match
    /// list comes back, or a viewer on its own quits.
    fn back(&mut self) -> Effects {
        if self.finding.clear_search() {
            self.say(Notice::SearchCleared);
        } else if self.nav.filter().is_narrowed() {
            self.choose_filter(None);
        } else {
            return Effects::one(Effect::Leave);
        }
        Effects::none()
    }
}
