pub mod content_grant;
