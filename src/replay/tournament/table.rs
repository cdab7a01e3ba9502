//! Group tables: the standings of a group from its results, ordered by the
//! rules of the competition and year. Where those rules leave teams level
//! (lots, fair play, a play-off), the table says so instead of inventing
//! an order.

use std::cmp::Ordering;

use serde::Serialize;

use crate::model::Score;
use crate::model::tournament::Competition;

/// How a competition orders teams level on points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TieBreak {
    /// Nothing but points: teams level on points stay level (the World
    /// Cups of 1930, 1950 and 1954 settled ties by play-off or lots).
    PointsOnly,
    /// Goal average (goals for divided by goals against), then level (the
    /// World Cups of 1958, 1962 and 1966). In 1958 teams level on points
    /// for second place played off whatever their goal average.
    GoalAverage {
        /// Whether a tie across second and third place is left level.
        play_off_for_second: bool,
    },
    /// Goal difference, goals scored, then points, goal difference and
    /// goals in the matches between the tied teams (the World Cups from
    /// 1970 and the Club World Cup).
    DifferenceThenHeadToHead,
    /// Points, goal difference and goals in the matches between the tied
    /// teams first, applied again to any smaller set still tied, then
    /// goal difference and goals overall (the Euros).
    HeadToHeadFirst,
}

/// The table rules of one tournament.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rules {
    /// Points for a win (a draw is always one).
    pub win: u32,
    /// How ties on points are broken.
    pub tie_break: TieBreak,
}

impl Rules {
    /// The rules of a competition in a year: 2 points for a win up to
    /// the 1990 World Cup, 3 from 1994 and in the other competitions.
    pub fn of(competition: Competition, year: Option<i32>) -> Self {
        let year = year.unwrap_or(i32::MAX);
        match competition {
            Competition::WorldCup => Rules {
                win: if year <= 1990 { 2 } else { 3 },
                tie_break: match year {
                    ..=1957 => TieBreak::PointsOnly,
                    1958 => TieBreak::GoalAverage {
                        play_off_for_second: true,
                    },
                    1959..=1969 => TieBreak::GoalAverage {
                        play_off_for_second: false,
                    },
                    _ => TieBreak::DifferenceThenHeadToHead,
                },
            },
            Competition::Euro => Rules {
                win: if year < 1996 { 2 } else { 3 },
                tie_break: TieBreak::HeadToHeadFirst,
            },
            Competition::ClubWorldCup | Competition::Other => Rules {
                win: 3,
                tie_break: TieBreak::DifferenceThenHeadToHead,
            },
        }
    }
}

/// One result between two teams of a group: indexes into the group's
/// team list, and the score (after extra time, when it was played).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroupResult {
    /// The team named first.
    pub home: usize,
    /// The team named second.
    pub away: usize,
    /// The score.
    pub score: Score,
}

/// A team's line in a table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The team.
    pub team: String,
    /// Matches played.
    pub played: u32,
    /// Won.
    pub won: u32,
    /// Drawn.
    pub drawn: u32,
    /// Lost.
    pub lost: u32,
    /// Goals for.
    #[serde(rename = "for")]
    pub goals_for: u32,
    /// Goals against.
    pub against: u32,
    /// Points.
    pub points: u32,
    /// Level with the row above: the rules do not separate the two (the
    /// order between them is alphabetical, not a ranking).
    #[serde(skip)]
    pub level: bool,
}

impl Row {
    /// Goals for minus goals against.
    pub fn difference(&self) -> i64 {
        i64::from(self.goals_for) - i64::from(self.against)
    }

    fn new(team: &str) -> Self {
        Row {
            team: team.to_owned(),
            played: 0,
            won: 0,
            drawn: 0,
            lost: 0,
            goals_for: 0,
            against: 0,
            points: 0,
            level: false,
        }
    }

    fn add(&mut self, scored: u32, conceded: u32, win: u32) {
        self.played += 1;
        self.goals_for += scored;
        self.against += conceded;
        match scored.cmp(&conceded) {
            Ordering::Greater => {
                self.won += 1;
                self.points += win;
            }
            Ordering::Equal => {
                self.drawn += 1;
                self.points += 1;
            }
            Ordering::Less => self.lost += 1,
        }
    }
}

/// The rows of `teams` from `results`, in the order the rules give.
pub fn standings(teams: &[String], results: &[GroupResult], rules: Rules) -> Vec<Row> {
    let rows = tally(teams, results, rules.win, None);
    let everyone: Vec<usize> = (0..teams.len()).collect();
    let by_points = split(&everyone, |&t| (rows[t].points, 0, 0));
    let mut order: Vec<Vec<usize>> = Vec::new();
    for block in by_points {
        if block.len() == 1 {
            order.push(block);
            continue;
        }
        match rules.tie_break {
            TieBreak::PointsOnly => order.push(block),
            TieBreak::GoalAverage {
                play_off_for_second,
            } => {
                let start: usize = order.iter().map(Vec::len).sum();
                let straddles = start <= 1 && start + block.len() > 2;
                if play_off_for_second && straddles {
                    order.push(block);
                } else {
                    order.extend(split_by(&block, |a, b| average_cmp(&rows[*a], &rows[*b])));
                }
            }
            TieBreak::DifferenceThenHeadToHead => {
                for overall in split(&block, |&t| overall_key(&rows[t])) {
                    if overall.len() == 1 {
                        order.push(overall);
                        continue;
                    }
                    let mini = tally(teams, results, rules.win, Some(&overall));
                    order.extend(split(&overall, |&t| overall_key(&mini[t])));
                }
            }
            TieBreak::HeadToHeadFirst => {
                head_to_head(teams, results, rules.win, &rows, block, &mut order);
            }
        }
    }
    let mut out = Vec::with_capacity(teams.len());
    for block in order {
        let mut block: Vec<&Row> = block.iter().map(|&t| &rows[t]).collect();
        block.sort_by(|a, b| a.team.cmp(&b.team));
        for (i, row) in block.into_iter().enumerate() {
            out.push(Row {
                level: i > 0,
                ..row.clone()
            });
        }
    }
    out
}

/// The Euro rule: the matches between the tied teams, again on any
/// smaller set still tied; when they separate no one, overall difference
/// and goals.
fn head_to_head(
    teams: &[String],
    results: &[GroupResult],
    win: u32,
    rows: &[Row],
    block: Vec<usize>,
    order: &mut Vec<Vec<usize>>,
) {
    let mini = tally(teams, results, win, Some(&block));
    let parts = split(&block, |&t| overall_key(&mini[t]));
    if parts.len() == 1 {
        order.extend(split(&block, |&t| overall_key(&rows[t])));
        return;
    }
    for part in parts {
        if part.len() == 1 {
            order.push(part);
        } else {
            head_to_head(teams, results, win, rows, part, order);
        }
    }
}

/// Points, goal difference, goals: larger is better.
fn overall_key(row: &Row) -> (u32, i64, u32) {
    (row.points, row.difference(), row.goals_for)
}

/// Goal average, larger first; no goals conceded is better than any
/// average, and two such teams are level.
fn average_cmp(a: &Row, b: &Row) -> Ordering {
    match (a.against, b.against) {
        (0, 0) => Ordering::Equal,
        (0, _) => Ordering::Less,
        (_, 0) => Ordering::Greater,
        (ga, gb) => {
            // a.for / ga > b.for / gb, compared without division.
            let left = u64::from(a.goals_for) * u64::from(gb);
            let right = u64::from(b.goals_for) * u64::from(ga);
            right.cmp(&left)
        }
    }
}

/// Splits `teams` into blocks of equal `key`, best (largest) first.
fn split<K: Ord + Copy>(teams: &[usize], key: impl Fn(&usize) -> K) -> Vec<Vec<usize>> {
    split_by(teams, |a, b| key(b).cmp(&key(a)))
}

/// Splits `teams` into blocks that `cmp` finds equal, in its order.
fn split_by(teams: &[usize], cmp: impl Fn(&usize, &usize) -> Ordering) -> Vec<Vec<usize>> {
    let mut sorted = teams.to_vec();
    sorted.sort_by(&cmp);
    let mut blocks: Vec<Vec<usize>> = Vec::new();
    for team in sorted {
        match blocks.last_mut() {
            Some(block) if cmp(&block[0], &team) == Ordering::Equal => block.push(team),
            _ => blocks.push(vec![team]),
        }
    }
    blocks
}

/// Every team's row, counting only the matches among `among` when given.
fn tally(teams: &[String], results: &[GroupResult], win: u32, among: Option<&[usize]>) -> Vec<Row> {
    let mut rows: Vec<Row> = teams.iter().map(|t| Row::new(t)).collect();
    let member = among.map(|set| {
        let mut member = vec![false; teams.len()];
        for &t in set {
            member[t] = true;
        }
        member
    });
    for r in results {
        if member
            .as_ref()
            .is_some_and(|member| !(member[r.home] && member[r.away]))
        {
            continue;
        }
        rows[r.home].add(r.score.home, r.score.away, win);
        rows[r.away].add(r.score.away, r.score.home, win);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn teams(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| (*n).to_owned()).collect()
    }

    fn r(home: usize, away: usize, h: u32, a: u32) -> GroupResult {
        GroupResult {
            home,
            away,
            score: Score { home: h, away: a },
        }
    }

    fn order(rows: &[Row]) -> Vec<String> {
        rows.iter()
            .map(|row| {
                if row.level {
                    format!("={}", row.team)
                } else {
                    row.team.clone()
                }
            })
            .collect()
    }

    const MODERN: Rules = Rules {
        win: 3,
        tie_break: TieBreak::DifferenceThenHeadToHead,
    };

    #[test]
    fn the_rules_follow_the_competition_and_year() {
        let wc = |year| Rules::of(Competition::WorldCup, Some(year));
        assert_eq!(wc(1990).win, 2);
        assert_eq!(wc(1994).win, 3);
        assert_eq!(wc(1950).tie_break, TieBreak::PointsOnly);
        assert_eq!(
            wc(1958).tie_break,
            TieBreak::GoalAverage {
                play_off_for_second: true
            }
        );
        assert_eq!(
            wc(1966).tie_break,
            TieBreak::GoalAverage {
                play_off_for_second: false
            }
        );
        assert_eq!(wc(1970).tie_break, TieBreak::DifferenceThenHeadToHead);
        let euro = Rules::of(Competition::Euro, Some(2024));
        assert_eq!((euro.win, euro.tie_break), (3, TieBreak::HeadToHeadFirst));
        assert_eq!(Rules::of(Competition::ClubWorldCup, Some(2025)).win, 3);
    }

    #[test]
    fn points_then_difference_then_goals() {
        let t = teams(&["A", "B", "C", "D"]);
        let results = [
            r(0, 3, 1, 0),
            r(1, 2, 3, 0),
            r(0, 1, 1, 1),
            r(2, 3, 2, 2),
            r(0, 2, 2, 0),
            r(1, 3, 1, 0),
        ];
        let rows = standings(&t, &results, MODERN);
        // A and B on 7: B +4, A +3. C and D on 1: D -2, C -5.
        assert_eq!(order(&rows), ["B", "A", "D", "C"]);
        assert_eq!(
            (rows[0].points, rows[0].goals_for, rows[0].against),
            (7, 5, 1)
        );
        assert_eq!((rows[1].points, rows[1].difference()), (7, 3));
        assert_eq!((rows[2].played, rows[2].drawn, rows[2].lost), (3, 1, 2));
    }

    /// Teams level on points, difference and goals are separated by the
    /// matches between them; a circle between them leaves them level.
    #[test]
    fn head_to_head_after_goals_then_level() {
        let t = teams(&["A", "B", "C"]);
        let circle = [r(0, 1, 1, 0), r(1, 2, 1, 0), r(2, 0, 1, 0)];
        assert_eq!(order(&standings(&t, &circle, MODERN)), ["A", "=B", "=C"]);
        // B leads on goals scored; A and C are level on everything
        // overall, and C beat A.
        let results = [r(0, 1, 2, 1), r(1, 2, 2, 1), r(2, 0, 1, 0)];
        assert_eq!(order(&standings(&t, &results, MODERN)), ["B", "C", "A"]);
    }

    #[test]
    fn goal_average_divides_goals_for_by_goals_against() {
        // A and B on 3 points: A 6-3 (average 2.0, difference +3), B 3-1
        // (average 3.0, difference +2).
        let t = teams(&["A", "B", "C", "D"]);
        let results = [
            r(0, 1, 0, 0),
            r(0, 2, 5, 0),
            r(3, 0, 3, 1),
            r(1, 2, 3, 0),
            r(3, 1, 1, 0),
            r(2, 3, 0, 0),
        ];
        let wc = |year| Rules::of(Competition::WorldCup, Some(year));
        assert_eq!(
            order(&standings(&t, &results, wc(1962))),
            ["D", "B", "A", "C"]
        );
        assert_eq!(
            order(&standings(&t, &results, wc(1970))),
            ["D", "A", "B", "C"]
        );
        // Before 1958 points alone count.
        assert_eq!(
            order(&standings(&t, &results, wc(1950))),
            ["D", "A", "=B", "C"]
        );
        assert_eq!(standings(&t, &results, wc(1962))[0].points, 5);
        // No goal conceded beats any average; two such teams are level.
        let clean = |f, a| Row {
            goals_for: f,
            against: a,
            ..Row::new("x")
        };
        assert_eq!(average_cmp(&clean(1, 0), &clean(9, 1)), Ordering::Less);
        assert_eq!(average_cmp(&clean(1, 0), &clean(3, 0)), Ordering::Equal);
        assert_eq!(average_cmp(&clean(2, 1), &clean(4, 2)), Ordering::Equal);
    }

    #[test]
    fn a_tie_for_second_in_1958_waits_for_the_play_off() {
        // 1958 Group 1: West Germany 4, Northern Ireland and
        // Czechoslovakia 3 (the Czechs with the better average),
        // Argentina 2; Northern Ireland won the play-off.
        let t = teams(&["W", "N", "C", "A"]);
        let results = [
            r(0, 3, 3, 1),
            r(1, 2, 1, 0),
            r(0, 2, 2, 2),
            r(3, 1, 3, 1),
            r(0, 1, 2, 2),
            r(2, 3, 6, 1),
        ];
        let rules = Rules::of(Competition::WorldCup, Some(1958));
        assert_eq!(
            order(&standings(&t, &results, rules)),
            ["W", "C", "=N", "A"]
        );
        let rules = Rules::of(Competition::WorldCup, Some(1962));
        assert_eq!(order(&standings(&t, &results, rules)), ["W", "C", "N", "A"]);
    }

    #[test]
    fn euro_head_to_head_comes_before_overall_difference() {
        let euro = Rules::of(Competition::Euro, Some(2024));
        let modern = Rules::of(Competition::WorldCup, Some(2022));
        let t = teams(&["A", "B", "C", "D"]);
        // A and B on 4 behind C: A beat B, B has the better difference.
        let results = [
            r(0, 1, 1, 0),
            r(0, 2, 0, 0),
            r(1, 2, 2, 2),
            r(3, 0, 1, 0),
            r(1, 3, 3, 0),
            r(2, 3, 1, 0),
        ];
        assert_eq!(order(&standings(&t, &results, euro)), ["C", "A", "B", "D"]);
        assert_eq!(
            order(&standings(&t, &results, modern)),
            ["C", "B", "A", "D"]
        );
        // A circle among three on 6: head to head separates no one, so
        // overall difference decides.
        let results = [
            r(0, 1, 1, 0),
            r(1, 2, 1, 0),
            r(2, 0, 1, 0),
            r(2, 3, 5, 0),
            r(0, 3, 1, 0),
            r(1, 3, 2, 0),
        ];
        assert_eq!(order(&standings(&t, &results, euro)), ["C", "B", "A", "D"]);
    }

    #[test]
    fn euro_reapplies_head_to_head_to_the_teams_still_tied() {
        // A, B and C on 6. Among the three: A beat B 2-1, B beat C 2-0, C
        // beat A 3-0, so A is third and B and C are level (3 points, +1,
        // 3 goals). Applied again to B and C alone, B's win puts B first,
        // although C's 5-0 against D gives C the better difference overall.
        let t = teams(&["A", "B", "C", "D"]);
        let results = [
            r(0, 1, 2, 1),
            r(1, 2, 2, 0),
            r(2, 0, 3, 0),
            r(0, 3, 1, 0),
            r(1, 3, 1, 0),
            r(2, 3, 5, 0),
        ];
        let euro = Rules::of(Competition::Euro, Some(2024));
        assert_eq!(order(&standings(&t, &results, euro)), ["B", "C", "A", "D"]);
        let modern = Rules::of(Competition::WorldCup, Some(2022));
        assert_eq!(
            order(&standings(&t, &results, modern)),
            ["C", "B", "A", "D"]
        );
    }
}
