// name: platform/count_platform_check
// description: Platform self-test: how many PlatformCheck nodes exist (persistence across restarts).
// params: (none)
// returns: n
// mode: read
MATCH (n:PlatformCheck) RETURN count(n) AS n
