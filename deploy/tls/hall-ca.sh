#!/usr/bin/env bash
# HTTPS for the hall LAN without the internet: the congress runs its own small certificate
# authority (CA), installs the CA's certificate on its own tablets and screens once, and signs
# the hall server's certificate with it. Plain HTTP would let anyone on the Wi-Fi read a
# tablet's token and its ballot. See deploy/README.md ("HTTPS in the hall").
#
#   hall-ca.sh ca DIR                    make the CA once: DIR/hall-ca.key (keep it offline, on a
#                                        USB key in the clerk's safe) and DIR/hall-ca.crt (10 years)
#   hall-ca.sh server DIR NAME ADDR...   issue (or renew) the hall server's key and certificate for
#                                        the name and LAN address(es) the tablets use, valid 397 days:
#                                        DIR/hall.key, DIR/hall.crt (the chain nginx serves)
#   hall-ca.sh show DIR                  what the certificates say, and the CA's fingerprint to
#                                        compare on each tablet when installing it
#
# Renewing: run `server` again (a new key and certificate from the same CA; nothing to change
# on the tablets), then `systemctl reload nginx`. A new CA is only needed if its key is lost
# or leaked, and then every tablet must get the new CA certificate.
set -euo pipefail

usage() { sed -n '2,20p' "$0" >&2; exit 2; }

make_ca() {
    local dir=$1
    mkdir -p "$dir"
    if [[ -e $dir/hall-ca.key ]]; then
        echo "$dir/hall-ca.key exists: keeping the CA the tablets already trust" >&2
        exit 1
    fi
    (umask 077 && openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/hall-ca.key")
    openssl req -x509 -new -key "$dir/hall-ca.key" -sha256 -days 3650 \
        -subj "/O=Piaojue hall/CN=Piaojue hall CA $(date +%Y)" \
        -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
        -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -out "$dir/hall-ca.crt"
    show "$dir"
}

make_server() {
    local dir=$1 name=$2
    shift 2
    [[ $# -ge 1 ]] || usage
    local san="DNS:$name" addr
    for addr in "$@"; do san+=",IP:$addr"; done
    [[ -e $dir/hall-ca.key ]] || { echo "no CA in $dir: run '$0 ca $dir' first" >&2; exit 1; }
    (umask 077 && openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/hall.key.new")
    openssl req -new -key "$dir/hall.key.new" -subj "/O=Piaojue hall/CN=$name" -out "$dir/hall.csr"
    local ext
    ext=$(mktemp)
    printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=%s\n' \
        "$san" >"$ext"
    openssl x509 -req -in "$dir/hall.csr" -CA "$dir/hall-ca.crt" -CAkey "$dir/hall-ca.key" \
        -CAcreateserial -sha256 -days 397 -extfile "$ext" -out "$dir/hall.crt.new"
    rm -f "$ext" "$dir/hall.csr"
    # Swap both files at once so nginx never reloads a key that does not match its certificate.
    mv "$dir/hall.key.new" "$dir/hall.key"
    mv "$dir/hall.crt.new" "$dir/hall.crt"
    openssl verify -CAfile "$dir/hall-ca.crt" "$dir/hall.crt"
    openssl x509 -in "$dir/hall.crt" -noout -subject -ext subjectAltName -enddate
}

show() {
    local dir=$1
    openssl x509 -in "$dir/hall-ca.crt" -noout -subject -enddate -fingerprint -sha256
    if [[ -e $dir/hall.crt ]]; then
        openssl x509 -in "$dir/hall.crt" -noout -subject -ext subjectAltName -enddate
    fi
}

case ${1:-} in
    ca) [[ $# -eq 2 ]] || usage; make_ca "$2" ;;
    server) [[ $# -ge 4 ]] || usage; make_server "${@:2}" ;;
    show) [[ $# -eq 2 ]] || usage; show "$2" ;;
    *) usage ;;
esac
