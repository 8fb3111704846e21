"""The `voting` command: demo, serve, migrate, openapi, staff, drill, export, verify."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from voting.settings import Settings

if TYPE_CHECKING:
    import asyncpg


def resolve_database_url(settings: Settings) -> str:
    """The configured server, or the embedded one (started now, reused by workers)."""
    if settings.database_url:
        return settings.database_url
    from voting.embedded import start_embedded_postgres

    return start_embedded_postgres(settings.data_dir)


def serve(host: str, port: int, workers: int, database_url: str) -> None:
    """Run the app under granian; workers find the database through DATABASE_URL."""
    from granian import Granian
    from granian.constants import Interfaces

    from voting.serving import granian_options, raise_open_files_limit

    os.environ["DATABASE_URL"] = database_url
    raise_open_files_limit()
    Granian(
        "voting.app:create_app_from_env",
        factory=True,
        address=host,
        port=port,
        interface=Interfaces.ASGI,
        log_access=False,
        **granian_options(workers),
    ).serve()


def announce_first_admin(url: str, base: str) -> None:
    """On a database with no staff yet, create the first administrator and print its password once."""
    from voting.database import create_pool
    from voting.staff.first_admin import create_first_admin, first_admin_notice

    async def run() -> str | None:
        pool = await create_pool(url, 2)
        try:
            return await create_first_admin(pool)
        finally:
            await pool.close()

    password = asyncio.run(run())
    if password is not None:
        print(first_admin_notice(password, base), flush=True)


def command_serve(args: argparse.Namespace) -> None:
    """voting serve: the service on DATABASE_URL (or the embedded database)."""
    from voting.auth.transport import transport_notice

    settings = Settings.from_env()
    url = resolve_database_url(settings)
    from voting.database import migrate

    applied = asyncio.run(migrate(url))
    if applied:
        print("migrations applied:", ", ".join(applied))
    announce_first_admin(url, os.environ.get("PIAOJUE_PUBLIC_URL", f"http://127.0.0.1:{args.port}"))
    print(f"Piaojue 票决 serving on http://{args.host}:{args.port}/  (console /console)")
    print(transport_notice(settings))
    if settings.public_events_urls:
        from voting.public_events import relay_notice

        # An operator should see where the public's live events go: a wrong address silently leaves phones behind.
        print(relay_notice(settings.public_events_urls))
    serve(args.host, args.port, args.workers, url)


def command_demo(args: argparse.Namespace) -> None:
    """voting demo: a demo county congress on the embedded database, then serve it."""
    from voting.demo import print_welcome, set_up_demo

    os.environ["PIAOJUE_TABLET_HTTP"] = "allow"  # the demo serves plain HTTP on a laptop
    settings = Settings.from_env()
    url = resolve_database_url(settings)
    base = os.environ.get("PIAOJUE_PUBLIC_URL", f"http://{args.public_host}:{args.port}")
    os.environ["PIAOJUE_PUBLIC_URL"] = base
    demo = asyncio.run(set_up_demo(url, reset=args.reset))
    print_welcome(demo, base)
    if not args.no_serve:
        serve(args.host, args.port, args.workers, url)


def command_migrate(_: argparse.Namespace) -> None:
    """voting migrate: apply pending migrations and exit."""
    from voting.database import migrate

    applied = asyncio.run(migrate(resolve_database_url(Settings.from_env())))
    print("applied:", ", ".join(applied) if applied else "nothing (up to date)")


def command_openapi(_: argparse.Namespace) -> None:
    """voting openapi: print the OpenAPI schema as JSON without starting a server."""
    from voting.app import create_app

    # A placeholder URL: building the schema opens no connection.
    app = create_app(Settings(database_url="postgresql://unused@localhost/unused", jwt_secret="x" * 32))
    json.dump(app.openapi_schema.to_schema(), sys.stdout, ensure_ascii=False, indent=2, default=str)
    print()


def new_staff_password(args: argparse.Namespace) -> tuple[str, bool]:
    """The password for `voting staff`: from --password-file, PIAOJUE_NEW_PASSWORD, the prompt, or generated.

    Returns it and whether it was generated (then it is printed once). Without a terminal
    (a script, a service, a pipe) there is no prompt: a password is generated.
    """
    import getpass

    from voting.staff.accounts import new_password

    if args.password_file:
        try:
            text = Path(args.password_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            sys.exit(f"读不出密码文件 / cannot read the password file {args.password_file}: {error}")
        password = text.splitlines()[0] if text.strip() else ""
    elif os.environ.get("PIAOJUE_NEW_PASSWORD"):
        password = os.environ["PIAOJUE_NEW_PASSWORD"]
    elif sys.stdin.isatty():
        try:
            password = getpass.getpass("密码（直接回车则自动生成）Password (Enter: generate one): ")
        except (EOFError, KeyboardInterrupt):
            sys.exit("\n已取消 / cancelled")
        if not password:
            return new_password(), True
    else:
        return new_password(), True
    if len(password) < 10:
        sys.exit("密码至少10位 / The password needs at least 10 characters")
    return password, False


def command_staff(args: argparse.Namespace) -> None:
    """voting staff USER ROLE --body B: create or reset a staff account (no terminal needed)."""
    from voting.auth import LOGIN_ROLES, Role

    if args.role not in LOGIN_ROLES:
        sys.exit(f"未知角色 / unknown role {args.role!r}: {', '.join(LOGIN_ROLES)}")
    if (args.role == Role.LIAISON) != bool(args.department):
        sys.exit("部门联络员须且仅须指定 --department / --department is for, and required by, a liaison")
    if not re.fullmatch(r"[a-z0-9_.-]{2,40}", args.username):
        sys.exit("用户名须为2–40位小写字母、数字或 _ . - / the username needs 2–40 of a-z 0-9 _ . -")
    password, generated = new_staff_password(args)
    url = resolve_database_url(Settings.from_env())
    body_name = asyncio.run(set_staff_account(url, args, password))
    print(
        f"工作人员账号已设置 / staff account {args.username} ({args.role}) set"
        + (f" · {body_name}" if body_name else "")
    )
    if generated:
        print(f"新密码（只显示这一次）/ new password (shown once): {password}")


async def body_for_unnamed(pool: asyncpg.Pool, username: str, role: str) -> int | None:
    """The body of a login given no --body: an existing login's own (a reset keeps it), or none for the first admin."""
    from voting.bodies.service import list_bodies
    from voting.staff.service import body_of_login

    existing = await body_of_login(pool, username)
    bodies = await list_bodies(pool)
    if existing is not None:
        return existing
    if bodies or role != "admin":
        names = "、".join(f"{b.name}({b.id})" for b in bodies[:8]) or "—"
        sys.exit(
            "请用 --body 指定账号所属的人大（名称或编号）/ give the login's body with --body NAME_OR_ID\n"
            f"  已有 / existing: {names}"
        )
    return None  # the very first administrator, before any body exists: the set-up guide places them


async def set_staff_account(url: str, args: argparse.Namespace, password: str) -> str:
    """Find the body (and department), then create or reset the login; returns the body's name."""
    from voting.auth import Role
    from voting.bodies.service import find_body
    from voting.database import create_pool, migrate
    from voting.departments.service import find_department
    from voting.staff.service import ensure_staff

    await migrate(url)
    pool = await create_pool(url, 2)
    try:
        body_id, body_name, department_id = None, "", None
        if args.department:
            try:
                department = await find_department(pool, args.department)
            except LookupError as error:
                sys.exit(f"找不到唯一的部门，请写部门编号 / {error}")
            department_id, body_id = department.id, department.body_id
        if args.body:
            try:
                body = await find_body(pool, args.body)
            except LookupError as error:
                sys.exit(f"找不到唯一的人大，请写全称或编号 / {error}; give the full name or the id")
            if body_id is not None and body.id != body_id:
                sys.exit("该部门不属于所指定的人大 / the department does not belong to that body")
            body_id, body_name = body.id, body.name
        if body_id is None:
            body_id = await body_for_unnamed(pool, args.username, args.role)
        name = args.name or args.username
        await ensure_staff(
            pool, args.username, name, Role(args.role), password, body_id=body_id, department_id=department_id
        )
    finally:
        await pool.close()
    return body_name


def command_drill(args: argparse.Namespace) -> None:
    """voting drill: simulate tablets casting against a live server and measure."""
    from voting.drill.run import run_drill

    sys.exit(run_drill(args))


def command_export(args: argparse.Namespace) -> None:
    """voting export VOTE_ID --out FILE: write an announced vote's archive."""
    from voting.bulletin.export import export_archive
    from voting.errors import PiaojueError

    try:
        size = asyncio.run(export_archive(resolve_database_url(Settings.from_env()), args.vote_id, Path(args.out)))
    except PiaojueError as error:
        sys.exit(f"{error.zh} / {error.en}")
    print(f"archive of vote {args.vote_id} written to {args.out} ({size} bytes)")
    print(f"check it, with no database: voting verify {args.out}")


def command_verify(args: argparse.Namespace) -> None:
    """voting verify FILE: check an archive offline; exit 0 only if every check passes."""
    # audit.verify only: no database, no web stack (tests/audit/test_verify_cli.py holds us to it).
    from audit.verify import report_text, verify_archive

    try:
        data = Path(args.file).read_bytes()
        trusted = None if args.public_key is None else Path(args.public_key).read_text(encoding="ascii")
    except OSError as error:
        sys.exit(f"cannot read {error.filename}: {error.strerror}")
    except UnicodeDecodeError:
        sys.exit(f"cannot read {args.public_key}: not a PEM text file")
    report = verify_archive(data, trusted)
    print(report_text(report))
    sys.exit(0 if report.ok else 1)


def build_parser() -> argparse.ArgumentParser:
    """All subcommands and their options."""
    parser = argparse.ArgumentParser(prog="voting", description="Piaojue 票决 — deputy voting service")
    sub = parser.add_subparsers(dest="command", required=True)

    def server_options(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--host", default="0.0.0.0", help="address to listen on (default all: tablets on the hall Wi-Fi)"
        )
        p.add_argument("--port", type=int, default=8000)
        p.add_argument("--workers", type=int, default=1, help="app processes (default 1)")

    p = sub.add_parser("serve", help="run the service (DATABASE_URL, or the embedded database)")
    server_options(p)
    p.set_defaults(run=command_serve)

    p = sub.add_parser("demo", help="create a demo county congress and serve it")
    server_options(p)
    p.add_argument("--public-host", default="127.0.0.1", help="host name printed in URLs and QR codes")
    p.add_argument("--reset", action="store_true", help="wipe the demo congress's votes and check-ins first")
    p.add_argument("--no-serve", action="store_true", help="set up and print, then exit")
    p.set_defaults(run=command_demo)

    p = sub.add_parser("migrate", help="apply database migrations")
    p.set_defaults(run=command_migrate)

    p = sub.add_parser("openapi", help="print the OpenAPI schema (JSON)")
    p.set_defaults(run=command_openapi)

    p = sub.add_parser("staff", help="create or reset a staff account")
    p.add_argument("username")
    # Checked in command_staff: importing the roles here would load the web stack for every command.
    p.add_argument("role", help="admin, clerk, presiding, teller, scrutineer or liaison")
    p.add_argument("--name", help="display name")
    p.add_argument("--department", metavar="NAME_OR_ID", help="the department a liaison acts for (liaison only)")
    p.add_argument(
        "--body", metavar="NAME_OR_ID", help="the body (人大) the login belongs to (not needed by the first admin)"
    )
    p.add_argument("--password-file", metavar="FILE", help="read the password from the file's first line")
    p.set_defaults(run=command_staff)

    p = sub.add_parser("drill", help="simulate tablets casting and measure against a bare baseline")
    p.add_argument("--deputies", type=int, default=3000)
    p.add_argument(
        "--concurrency", type=int, default=0, help="parallel connections (default: one per deputy, max 1000)"
    )
    p.add_argument("--workers", type=int, default=1, help="app processes for the server under test")
    p.add_argument("--viewers", type=int, default=0, help="public pages following the session (default none)")
    p.add_argument(
        "--hosts", type=int, default=1, help="app processes; more than one: nginx in front of them for the viewers"
    )
    p.add_argument(
        "--hall-deputies", type=int, default=300, help="a second hall's tablets casting during the announcement"
    )
    p.add_argument(
        "--nchan",
        action="store_true",
        help="the viewers' streams are held by nginx's nchan module, as deploy/nginx.conf's public server",
    )
    p.add_argument("--gets", action="store_true", help="also time the announced vote's public GETs against a bare GET")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--export", metavar="FILE", help="write the drill vote's archive (check it with voting verify)")
    p.add_argument(
        "--tablet-cost", action="store_true", help="also time seal.js in Chromium, at full speed and CPU slowed ×4, ×6"
    )
    p.set_defaults(run=command_drill)

    p = sub.add_parser("export", help="write an announced vote's archive (canonical JSON) for offline checking")
    p.add_argument("vote_id", type=int)
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(run=command_export)

    p = sub.add_parser("verify", help="check a vote archive offline: chain, signatures, recount, counts")
    p.add_argument("file")
    p.add_argument("--public-key", metavar="PEM", help="the trusted public key (GET /api/public-key)")
    p.set_defaults(run=command_verify)
    return parser


def main(argv: list[str] | None = None) -> None:
    """Entry point of the `voting` command."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("embedded_postgres").setLevel(logging.WARNING)
    args = build_parser().parse_args(argv)
    args.run(args)


if __name__ == "__main__":
    main()
