//! The global handler: what every screen offers alike (quit, suspend,
//! open the help) is carried out here, once, for whichever screen the
//! action bubbled up from. A screen hands it what it did not consume,
//! with the slot where its help opens.

use super::action::Global;
use super::effect::{Effect, Effects};
use super::help::Help;

/// Carries out `action` for a screen whose help, when open, is `help`.
pub fn handle(action: Global, help: &mut Option<Help>) -> Effects {
    match action {
        Global::Quit => Effects::one(Effect::Quit),
        Global::Suspend => Effects::one(Effect::Suspend),
        Global::OpenHelp => {
            *help = Some(Help::default());
            Effects::none()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn global_actions_quit_suspend_and_open_the_help() {
        let mut help = None;
        assert_eq!(handle(Global::Quit, &mut help), Effects::one(Effect::Quit));
        assert_eq!(
            handle(Global::Suspend, &mut help),
            Effects::one(Effect::Suspend)
        );
        assert!(help.is_none());
        assert_eq!(handle(Global::OpenHelp, &mut help), Effects::none());
        assert_eq!(help, Some(Help::default()));
    }
}
