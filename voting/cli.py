"""The `voting` command: demo, serve, migrate, openapi, staff, drill, export, verify."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
from pathlib import Path

from voting.settings import Settings


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

    os.environ["DATABASE_URL"] = database_url
    Granian(
        "voting.app:create_app_from_env",
        factory=True,
        address=host,
        port=port,
        interface=Interfaces.ASGI,
        workers=workers,
        log_access=False,
        backlog=4096,
    ).serve()


def command_serve(args: argparse.Namespace) -> None:
    """voting serve: the service on DATABASE_URL (or the embedded database)."""
    settings = Settings.from_env()
    url = resolve_database_url(settings)
    from voting.database import migrate

    applied = asyncio.run(migrate(url))
    if applied:
        print("migrations applied:", ", ".join(applied))
    print(f"Piaojue 票决 serving on http://{args.host}:{args.port}/  (console /console)")
    serve(args.host, args.port, args.workers, url)


def command_demo(args: argparse.Namespace) -> None:
    """voting demo: a demo county congress on the embedded database, then serve it."""
    from voting.demo import print_welcome, set_up_demo

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


def command_staff(args: argparse.Namespace) -> None:
    """voting staff USER ROLE: create or reset a staff account (password from the prompt or env)."""
    import getpass

    from voting.auth import LOGIN_ROLES, Role
    from voting.database import create_pool, migrate
    from voting.departments.service import find_department
    from voting.staff.service import ensure_staff

    if args.role not in LOGIN_ROLES:
        sys.exit(f"未知角色 / unknown role {args.role!r}: {', '.join(LOGIN_ROLES)}")
    if (args.role == Role.LIAISON) != bool(args.department):
        sys.exit("部门联络员须且仅须指定 --department / --department is for, and required by, a liaison")
    password = os.environ.get("PIAOJUE_NEW_PASSWORD") or getpass.getpass("密码 Password: ")
    if len(password) < 10:
        sys.exit("密码至少10位 / The password needs at least 10 characters")
    url = resolve_database_url(Settings.from_env())

    async def run() -> None:
        await migrate(url)
        pool = await create_pool(url, 2)
        try:
            department_id = None
            if args.department:
                try:
                    department_id = (await find_department(pool, args.department)).id
                except LookupError as error:
                    sys.exit(f"找不到唯一的部门 / {error}")
            name = args.name or args.username
            await ensure_staff(pool, args.username, name, Role(args.role), password, department_id)
        finally:
            await pool.close()

    asyncio.run(run())
    print(f"staff account {args.username} ({args.role}) set")


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
    p.set_defaults(run=command_staff)

    p = sub.add_parser("drill", help="simulate tablets casting and measure against a bare baseline")
    p.add_argument("--deputies", type=int, default=3000)
    p.add_argument(
        "--concurrency", type=int, default=0, help="parallel connections (default: one per deputy, max 1000)"
    )
    p.add_argument("--workers", type=int, default=1, help="app processes for the server under test")
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
