use lagesbild::services::demo;

use crate::helpers::{spawn_app, PASSWORD};

#[tokio::test]
async fn the_demo_seeds_every_role_and_eight_quarters_from_several_agencies_once() {
    let mut app = spawn_app().await;
    let db = app.db.clone();
    let logins = tokio::task::spawn_blocking(move || {
        let mut c = db.conn().unwrap();
        let first = demo::seed_if_empty(&mut c, &mut |_| {}).unwrap();
        let second = demo::seed_if_empty(&mut c, &mut |_| {}).unwrap();
        assert!(second.is_none(), "a second run seeds nothing");
        first.unwrap()
    })
    .await
    .unwrap();
    assert_eq!(logins.len(), 5, "one login per role");
    assert!(logins
        .iter()
        .all(|l| l.password.len() >= 12 && l.password != PASSWORD));

    // Eight quarters × six agencies, all accepted; the import accounts cannot log in.
    assert_eq!(
        app.count_rows("submissions WHERE status = 'accepted'")
            .await,
        48
    );
    assert_eq!(app.count_rows("users WHERE active = 1").await, 5);
    assert_eq!(
        app.count_rows("reporting_periods WHERE status = 'open'")
            .await,
        1
    );

    let analyst = logins.iter().find(|l| l.username == "analytiker").unwrap();
    app.client = crate::helpers::new_client();
    assert_eq!(
        app.login("analytiker", &analyst.password).await.status(),
        303
    );
    let overview = app.get_text("/dashboard").await;
    assert!(overview.contains("<svg"));
    assert!(!overview.contains("Det finns inga godkända uppgifter"));
}
