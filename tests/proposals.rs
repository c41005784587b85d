//! The debrief workshop's draft connections and ideas files: they are in the
//! deck format, so pasted into a deck they validate, and typed text cannot
//! break them.

use community_coping::content::{Sources, Worry, load};
use community_coping::session::{
    Proposal, draft_connections, draft_ideas, ideas_path_for, write_proposals,
};

const FILES: [&str; 7] = [
    "ideas.ron",
    "scenario.ron",
    "map.ron",
    "residents.ron",
    "connections.ron",
    "roles.ron",
    "events.ron",
];

fn proposals() -> Vec<Proposal> {
    vec![
        Proposal {
            name: "駅前薬局の \"薬剤師\" さん".into(),
            specialities: vec!["public_health_nurse".into()],
            helps: vec![Worry::Health, Worry::Living],
            description: "薬の飲み方を一緒に確認してくれる\n二行目 \\ も".into(),
            public: false,
        },
        Proposal {
            name: "Community hall manager".into(),
            specialities: vec![],
            helps: vec![Worry::Relationships],
            description: "Runs the Tuesday tea room".into(),
            public: true,
        },
    ]
}

/// The default deck with the draft's Connection entries pasted into connections.ron.
fn deck_with(draft: &str) -> Sources {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/default");
    let start = draft.find("connections: [\n").unwrap() + "connections: [\n".len();
    let end = draft.rfind("    ],").unwrap();
    let entries = &draft[start..end];
    let files: Vec<(String, String)> = FILES
        .iter()
        .map(|f| {
            let mut text = std::fs::read_to_string(format!("{dir}/{f}")).unwrap();
            if *f == "connections.ron" {
                let close = text.rfind("    ],").unwrap();
                text.insert_str(close, entries);
            }
            ((*f).to_owned(), text)
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    Sources::in_memory("pasted", &refs)
}

#[test]
fn pasted_into_the_default_deck_the_draft_validates_with_the_cards_added() {
    let languages = vec!["ja".to_owned(), "en".to_owned()];
    let draft = draft_connections("20261126-0930-abc", &languages, &proposals());
    let loaded = match load(&deck_with(&draft)) {
        Ok(l) => l,
        Err(e) => panic!(
            "{}\n{draft}",
            e.0.iter().map(|d| d.render()).collect::<String>()
        ),
    };
    let c = &loaded.content;
    let added: Vec<_> = c
        .connections()
        .iter()
        .filter(|x| x.key.starts_with("local-"))
        .collect();
    assert_eq!(added.len(), 2);
    assert_eq!(added[0].name.get("ja"), "駅前薬局の \"薬剤師\" さん");
    assert_eq!(added[0].helps, vec![Worry::Health, Worry::Living]);
    assert_eq!(
        added[0].description.get("en"),
        "薬の飲み方を一緒に確認してくれる\n二行目 \\ も"
    );
    assert_eq!(added[1].key, "local-202611260930abc-02");
}

#[test]
fn the_draft_is_written_whole_and_replaced_by_a_later_draft() {
    let dir = std::env::temp_dir().join(format!("cc-proposals-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let path = dir.join("proposals").join("s-connections.ron");
    let langs = vec!["ja".to_owned()];
    write_proposals(&path, "s", &langs, &proposals()[..1]).unwrap();
    let one = std::fs::read_to_string(&path).unwrap();
    write_proposals(&path, "s", &langs, &proposals()).unwrap();
    let two = std::fs::read_to_string(&path).unwrap();
    assert_eq!(one.matches("        Connection(\n").count(), 1);
    assert_eq!(two.matches("        Connection(\n").count(), 2);
    let ideas = std::fs::read_to_string(ideas_path_for(&path)).unwrap();
    assert_eq!(
        ideas.matches("        Idea(\n").count(),
        2,
        "the ideas draft follows"
    );
    let leftovers = std::fs::read_dir(path.parent().unwrap()).unwrap().count();
    assert_eq!(leftovers, 2, "the two drafts and no temporary files");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_ideas_draft_loads_as_the_ideas_file_of_the_default_deck() {
    let languages = vec!["ja".to_owned(), "en".to_owned()];
    let draft = draft_ideas("20261126-0930-abc", &languages, &proposals());
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/default");
    let files: Vec<(String, String)> = FILES
        .iter()
        .map(|f| {
            let mut text = std::fs::read_to_string(format!("{dir}/{f}")).unwrap();
            // the draft stands in for the deck's own ideas file
            if *f == "scenario.ron" && !text.contains("ideas: \"ideas.ron\"") {
                text = text.replacen(
                    "events: \"events.ron\",",
                    "events: \"events.ron\", ideas: \"ideas.ron\",",
                    1,
                );
            }
            if *f == "scenario.ron" {
                assert!(
                    text.contains("ideas: \"ideas.ron\""),
                    "the files entry is there"
                );
            }
            ((*f).to_owned(), text)
        })
        .chain(std::iter::once(("ideas.ron".to_owned(), draft.clone())))
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let sources = Sources::in_memory("with-ideas", &refs);
    let loaded = match load(&sources) {
        Ok(l) => l,
        Err(e) => panic!(
            "{}\n{draft}",
            e.0.iter().map(|d| d.render()).collect::<String>()
        ),
    };
    let c = &loaded.content;
    let ideas: Vec<_> = c.ideas().map(|i| c.connection(i)).collect();
    assert_eq!(ideas.len(), 2);
    assert_eq!(ideas[0].key, "idea-202611260930abc-01");
    assert_eq!(ideas[0].name.get("ja"), "駅前薬局の \"薬剤師\" さん");
    assert_eq!(
        ideas[0].kind,
        community_coping::content::ConnectionKind::Informal
    );
    assert_eq!(
        ideas[1].kind,
        community_coping::content::ConnectionKind::Public
    );
    assert!(
        ideas
            .iter()
            .all(|i| i.idea_cost == Some(community_coping::session::DRAFT_IDEA_COST))
    );
}
