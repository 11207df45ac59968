//! Passwords the policy refuses because everyone tries them first. Data, not text for
//! people to read: some are Swedish words.

/// Passwords everyone tries first, at least 12 characters long (shorter ones are refused
/// by length already).
pub(super) const COMMON_PASSWORDS: [&str; 24] = [
    "123456789012",
    "1234567890123",
    "12345678901234",
    "password1234",
    "password12345",
    "passwordpassword",
    "qwertyuiop12",
    "qwertyuiopå1",
    "qwerty123456",
    "123456123456",
    "111111111111",
    "000000000000",
    "abcdefghijkl",
    "abc123abc123",
    "iloveyou1234",
    "sommar2026!!",
    "vinter2026!!",
    "lösenord1234",
    "losenord1234",
    "välkommen123",
    "valkommen123",
    "administrator",
    "adminadmin12",
    "letmein12345",
];
