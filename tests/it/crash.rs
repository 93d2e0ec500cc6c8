//! The binary killed (SIGKILL) at random moments while it writes: after each
//! kill the file is sound (`PRAGMA integrity_check`, `coopcompta check`) and
//! the action is whole — all its rows, or none of them.

use crate::support::cli::Sandbox;
use rusqlite::Connection;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A small seeded generator (xorshift64*): the same kills on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// What a whole action adds: entries, lines, audit rows, contributions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Counts {
    entries: i64,
    lines: i64,
    audit: i64,
    contributions: i64,
}

impl Counts {
    fn read(conn: &Connection) -> Counts {
        let n = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).expect(sql) };
        Counts {
            entries: n("SELECT count(*) FROM entry"),
            lines: n("SELECT count(*) FROM entry_line"),
            audit: n("SELECT count(*) FROM audit"),
            contributions: n("SELECT count(*) FROM contribution"),
        }
    }

    fn plus(self, d: Counts) -> Counts {
        Counts {
            entries: self.entries + d.entries,
            lines: self.lines + d.lines,
            audit: self.audit + d.audit,
            contributions: self.contributions + d.contributions,
        }
    }
}

fn delta(entries: i64, lines: i64, audit: i64, contributions: i64) -> Counts {
    Counts {
        entries,
        lines,
        audit,
        contributions,
    }
}

const PUPILS: &[&str] = &["BLANC Gabin", "CHEVALIER Adam"];

/// One write command and what it adds when it completes.
fn action(rng: &mut Rng, i: u64, cancellable: &[String]) -> (Vec<String>, Counts) {
    let day = format!("{:02}/03/2025", 1 + rng.below(28));
    let cents = 200 + rng.below(900);
    let amount = format!("{},{:02}", cents / 100, cents % 100);
    let label = format!("Essai n° {i}");
    let args = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    match rng.below(5) {
        0 => (
            args(&[
                "add",
                "--account",
                "caisse",
                "--date",
                &day,
                "--amount",
                &amount,
                "--recette",
                "--category",
                "7560",
                "--label",
                &label,
            ]),
            delta(1, 2, 1, 0),
        ),
        1 => (
            args(&[
                "add",
                "--account",
                "pro",
                "--date",
                &day,
                "--amount",
                &amount,
                "--depense",
                "--split",
                "6068=1",
                "--split",
                &format!("6064={},{:02}", (cents - 100) / 100, cents % 100),
                "--label",
                &label,
            ]),
            delta(1, 3, 1, 0),
        ),
        2 => (
            args(&[
                "transfer", "--from", "pro", "--to", "caisse", "--date", &day, "--amount", &amount,
                "--label", &label,
            ]),
            delta(1, 2, 1, 0),
        ),
        3 if !cancellable.is_empty() => {
            let piece = &cancellable[rng.below(cancellable.len() as u64) as usize];
            (args(&["cancel", "--piece", piece]), delta(1, 2, 1, 0))
        }
        _ => (
            args(&[
                "contribution",
                "--campaign",
                "Sortie au zoo (GS, CP)",
                "--pupil",
                PUPILS[rng.below(PUPILS.len() as u64) as usize],
                "--amount",
                "8",
                "--channel",
                "especes",
                "--date",
                &day,
            ]),
            delta(1, 2, 1, 1),
        ),
    }
}

fn spawn(s: &Sandbox, args: &[String]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_coopcompta"))
        .arg("--db")
        .arg(s.db())
        .args(args)
        .env_remove("COOPCOMPTA_DB")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary starts")
}

fn assert_sound(s: &Sandbox, what: &str) {
    let conn = Connection::open(s.db()).expect("open");
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    assert_eq!(integrity, "ok", "after {what}");
    drop(conn);
    let out = s.run(&["check"]);
    assert!(
        out.status.success(),
        "check after {what}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn killed_writes_leave_a_sound_base_and_whole_actions() {
    let started = Instant::now();
    let s = Sandbox::empty();
    s.ok(&["demo", "--no-tui"]);
    // How long a write takes here: kills fall before, during and after it.
    let timed = Instant::now();
    s.ok(&[
        "add",
        "--account",
        "caisse",
        "--date",
        "01/03/2025",
        "--amount",
        "1",
        "--recette",
        "--category",
        "7560",
        "--label",
        "Mesure",
    ]);
    let span = timed.elapsed().as_micros().max(5_000) as u64 * 6 / 5;
    let mut rng = Rng(0x00C0_0FEE_D00D_2025);
    let mut cancellable: Vec<String> = vec!["D003".into(), "D004".into()];
    let (mut killed, mut finished, mut killed_after_commit) = (0, 0, 0);
    for i in 0..20 {
        let before = Counts::read(&Connection::open(s.db()).expect("open"));
        let (args, added) = action(&mut rng, i, &cancellable);
        let what = format!("{args:?}");
        let mut child = spawn(&s, &args);
        std::thread::sleep(Duration::from_micros(rng.below(span)));
        let done = child.try_wait().expect("wait").is_some();
        if !done {
            child.kill().expect("SIGKILL");
        }
        let output = child.wait_with_output().expect("reaped");
        let after = Counts::read(&Connection::open(s.db()).expect("open"));
        if done || output.status.code().is_some() {
            finished += 1;
            assert!(
                output.status.success(),
                "{what} refused: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            assert_eq!(after, before.plus(added), "{what} completed");
        } else {
            killed += 1;
            assert!(
                after == before || after == before.plus(added),
                "{what} killed half-way: {before:?} → {after:?}"
            );
            if after != before {
                killed_after_commit += 1;
            }
        }
        if after != before && args[0] == "cancel" {
            cancellable.retain(|p| *p != args[2]);
        }
        assert_sound(&s, &what);
    }
    eprintln!(
        "{killed} killed ({killed_after_commit} of them after their commit), {finished} finished"
    );
    assert!(killed > 0, "no command was killed while running");
    assert!(finished + killed == 20);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
}
