// name: platform/test_fixture_two_components
// description: Platform self-test data: two separate chains (3 + 2 nodes) labelled PlatformCheck.
// params: (none)
// returns: nothing
// mode: write
CREATE (:PlatformCheck {k: 1})-[:LINKS]->(:PlatformCheck {k: 2})-[:LINKS]->(:PlatformCheck {k: 3}),
       (:PlatformCheck {k: 4})-[:LINKS]->(:PlatformCheck {k: 5})
