//! What a first-time user reads when the command line refuses: usage errors
//! that name every way out and point to the command's own help, modes
//! offered that would really be accepted, a quote left open named as such,
//! machine lines that stay machine-readable, and the exit code a shell
//! expects after a signal.

use crate::support::cli::Sandbox;
use crate::support::fixture_arg;
use std::process::Output;

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs a command that clap must refuse (exit 2, nothing on stdout).
fn usage_error(s: &Sandbox, args: &[&str]) -> String {
    let out = s.run(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    assert!(out.stdout.is_empty(), "{args:?}");
    stderr(&out)
}

/// The journal, to check that a refused command wrote nothing.
fn journal(s: &Sandbox) -> String {
    s.ok(&["export", "ledger", "--out", "-"])
}

const ADD: &[&str] = &[
    "add",
    "--account",
    "caisse",
    "--date",
    "01/10/2024",
    "--amount",
    "5",
    "--category",
    "75620008",
    "--label",
    "Tombola",
];

#[test]
fn add_without_a_nature_names_recette_and_depense() {
    let s = Sandbox::lilas("10");
    let before = journal(&s);
    assert_eq!(
        usage_error(&s, ADD),
        "coopcompta : argument obligatoire manquant : --recette ou --depense (voir coopcompta add --help)\n"
    );
    assert_eq!(
        usage_error(
            &s,
            &[
                "add",
                "--account",
                "caisse",
                "--date",
                "01/10/2024",
                "--amount",
                "5",
                "--label",
                "x"
            ]
        ),
        "coopcompta : arguments obligatoires manquants : --recette ou --depense ; \
         --category <CODE> ou --split <CODE=MONTANT> (voir coopcompta add --help)\n"
    );
    assert_eq!(journal(&s), before, "nothing written");
}

#[test]
fn a_command_group_without_its_command_lists_them() {
    let s = Sandbox::lilas("10");
    for (group, commands) in [
        ("export", "ledger, cahier, hledger, crf ou contributions"),
        ("cheque", "list ou return"),
        ("regie", "advance, expense, return ou list"),
        ("pupils", "list, add ou anonymise"),
        ("campaign", "add, list ou show"),
        ("import", "pupils, bank, assoconnect ou undo"),
    ] {
        assert_eq!(
            usage_error(&s, &[group]),
            format!(
                "coopcompta : commande manquante après {group} : {commands} (voir coopcompta {group} --help)\n"
            )
        );
    }
}

#[test]
fn an_option_given_twice_is_said_so() {
    let s = Sandbox::lilas("10");
    let before = journal(&s);
    let mut args = ADD.to_vec();
    args.extend(["--recette", "--date", "02/10/2024"]);
    assert_eq!(
        usage_error(&s, &args),
        "coopcompta : --date est donné deux fois (voir coopcompta add --help)\n"
    );
    assert_eq!(journal(&s), before, "nothing written");
}

#[test]
fn an_option_without_its_value_lists_the_values() {
    let s = Sandbox::lilas("10");
    assert_eq!(
        usage_error(&s, &["export", "ledger", "--out", "x.csv", "--format"]),
        "coopcompta : valeur manquante pour --format <FORMAT> : std ou fr attendu \
         (voir coopcompta export ledger --help)\n"
    );
    assert!(!s.path("x.csv").exists());
}

#[test]
fn a_non_utf8_argument_is_named_as_such() {
    use std::os::unix::ffi::OsStrExt;
    let s = Sandbox::lilas("10");
    let before = journal(&s);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_coopcompta"))
        .arg("--db")
        .arg(s.db())
        .args(&ADD[..ADD.len() - 1])
        .arg(std::ffi::OsStr::from_bytes(b"Tombola \xe9t\xe9"))
        .arg("--recette")
        .env_remove("COOPCOMPTA_DB")
        .output()
        .expect("binary runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "coopcompta : un argument n'est pas du texte UTF-8 (voir coopcompta add --help)\n"
    );
    assert_eq!(journal(&s), before, "nothing written");
}

#[test]
fn the_help_pointed_to_is_the_one_of_the_command_at_fault() {
    let s = Sandbox::empty();
    assert_eq!(
        usage_error(&s, &["balnce"]),
        "coopcompta : commande inconnue : balnce (vouliez-vous dire balance ou cancel ou bank ?) (voir coopcompta --help)\n"
    );
    assert_eq!(
        usage_error(&s, &["help", "export", "ledgr"]),
        "coopcompta : commande inconnue : ledgr (vouliez-vous dire ledger ou hledger ?) (voir coopcompta export --help)\n"
    );
    assert_eq!(
        usage_error(&s, &["checklist", "done"]),
        "coopcompta : argument obligatoire manquant : <CLÉ> (voir coopcompta checklist done --help)\n"
    );
    assert!(!s.db().exists(), "no base created");
}

#[test]
fn the_modes_offered_for_a_recette_are_the_ones_accepted() {
    let s = Sandbox::lilas("10");
    let before = journal(&s);
    let add = |nature: &str, mode: &str| {
        let mut args = ADD.to_vec();
        args[2] = "pro";
        args.extend([nature, "--mode", mode]);
        s.fails(&args)
    };
    assert_eq!(
        add("--recette", "especes"),
        "coopcompta : Mode de paiement : « espèces » sur Compte Pro : virement, carte ou prélèvement attendu ; \
         les espèces passent par la Caisse (un dépôt d'espèces se saisit comme un virement interne depuis la Caisse)\n"
    );
    assert_eq!(
        add("--recette", "cheque"),
        "coopcompta : Mode de paiement : les chèques ne sont plus acceptés : rendez le chèque et proposez \
         le paiement en ligne ou en espèces\n"
    );
    let mut depense = ADD.to_vec();
    depense[2] = "pro";
    depense[8] = "606";
    depense.extend(["--depense", "--mode", "especes"]);
    assert_eq!(
        s.fails(&depense),
        "coopcompta : Mode de paiement : « espèces » sur Compte Pro : virement, carte, prélèvement ou chèque attendu ; \
         les espèces passent par la Caisse (un dépôt d'espèces se saisit comme un virement interne depuis la Caisse)\n"
    );
    assert_eq!(journal(&s), before, "nothing written");
}

#[test]
fn a_quote_left_open_in_the_pupils_file_is_named() {
    let s = Sandbox::lilas("10");
    let file = s.path("eleves.csv");
    std::fs::write(
        &file,
        "nom;prénom;classe\n\"DUPONT;Léo;CP\nMARTIN;Zoé;CE1\n",
    )
    .expect("write");
    let err = s.fails(&["import", "pupils", file.to_str().expect("utf-8")]);
    assert_eq!(
        err,
        format!(
            "coopcompta : {} : ligne 2 : guillemet ouvrant sans guillemet fermant : ajoutez le \" qui ferme \
             le champ ou retirez celui qui l'ouvre, puis importez de nouveau le fichier\n",
            file.display()
        )
    );
    assert_eq!(s.ok(&["pupils", "list"]), "", "nothing imported");
}

#[test]
fn campaign_show_keeps_its_total_line_machine_readable() {
    let s = Sandbox::lilas("10");
    s.ok(&["import", "pupils", &fixture_arg("pupils/utf8.csv")]);
    s.ok(&[
        "campaign",
        "add",
        "--name",
        "Sortie",
        "--amount",
        "16",
        "--classes",
        "CP-A",
    ]);
    s.ok(&[
        "contribution",
        "--campaign",
        "Sortie",
        "--pupil",
        "DUPONT Tom",
        "--amount",
        "24,53",
        "--channel",
        "especes",
        "--date",
        "14/10/2024",
    ]);
    assert_eq!(
        s.ok(&["campaign", "show", "--name", "Sortie"]),
        "CP-A\t1/2\t24.53\tespeces=24.53\ten-ligne=0.00\tvirement=0.00\tcheques-a-rendre=0\n\
         total\t1/2\t24.53\tespeces=24.53\ten-ligne=0.00\tvirement=0.00\tcheques-a-rendre=0\
         \tobjectif=32.00\tpourcent=76.6\n"
    );
}

#[test]
fn completions_help_has_one_blank_line_before_its_example() {
    let s = Sandbox::empty();
    let help = s.ok(&["completions", "--help"]);
    assert!(
        help.ends_with(
            "  -h, --help          Affiche cette aide\n\nExemple : coopcompta completions bash > \
             ~/.local/share/bash-completion/completions/coopcompta\n"
        ),
        "{help:?}"
    );
}

/// The full screen in a pseudo-terminal (util-linux `script`), stopped by
/// `signal` once it has taken the screen: it restores the terminal and
/// exits with 128 + the signal's number.
#[cfg(target_os = "linux")]
fn full_screen_stopped_by(signal: &str) -> (Option<i32>, String) {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let s = Sandbox::lilas("10");
    let app = format!(
        "exec '{}' --db '{}'",
        env!("CARGO_BIN_EXE_coopcompta"),
        s.db().display()
    );
    let mut script = Command::new("script")
        .args(["-qefc", &app, "/dev/null"])
        .env("TERM", "xterm")
        .env("COLUMNS", "80")
        .env("LINES", "24")
        .env_remove("COOPCOMPTA_DB")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("script runs");
    let mut stdout = script.stdout.take().expect("stdout");
    let (seen_tx, seen_rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut all = Vec::new();
        let mut buf = [0u8; 4096];
        let mut told = false;
        while let Ok(n @ 1..) = stdout.read(&mut buf) {
            all.extend_from_slice(&buf[..n]);
            if !told && String::from_utf8_lossy(&all).contains("\x1b[?1049h") {
                told = true;
                let _ = seen_tx.send(());
            }
        }
        String::from_utf8_lossy(&all).into_owned()
    });
    seen_rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("the full screen opens");
    let children = format!("/proc/{0}/task/{0}/children", script.id());
    let app_pid = std::fs::read_to_string(children).expect("children of script");
    let app_pid = app_pid.split_whitespace().next().expect("the app runs");
    let killed = Command::new("kill")
        .args([signal, app_pid])
        .status()
        .expect("kill");
    assert!(killed.success());
    let status = script.wait().expect("script ends");
    drop(script.stdin.take());
    (status.code(), reader.join().expect("reader"))
}

#[cfg(target_os = "linux")]
#[test]
fn the_full_screen_stopped_by_a_signal_exits_with_128_plus_its_number() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("util-linux script is missing: no pseudo-terminal to run the full screen in");
        return;
    }
    for (signal, code) in [("-TERM", 143), ("-HUP", 129)] {
        let (status, screen) = full_screen_stopped_by(signal);
        assert_eq!(status, Some(code), "{signal}");
        assert!(
            screen.ends_with("\x1b[?1049l\x1b[?25h"),
            "{signal}: terminal restored: {screen:?}"
        );
    }
}

#[test]
fn an_exercice_more_than_a_year_ahead_is_a_typing_mistake() {
    let s = Sandbox::empty();
    let stderr = s.fails(&["init", "--coop", "École du Port", "--exercice", "2099-2100"]);
    assert!(
        stderr.starts_with(
            "coopcompta : Exercice : « 2099-2100 » commence dans plus d'un an : l'exercice en cours est "
        ),
        "{stderr}"
    );
    assert!(!s.db().exists(), "no base is created");
}
