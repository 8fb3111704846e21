-- Staff logins: a staff token's jti names one row; logout, a password reset
-- or an ended account revokes it on the server, not only in the browser.
CREATE TABLE staff_login (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    staff_user_id  bigint NOT NULL REFERENCES staff_user(id),
    expires_at     timestamptz NOT NULL,
    revoked_at     timestamptz
);
CREATE INDEX staff_login_user ON staff_login(staff_user_id);
