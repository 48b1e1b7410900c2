#!/usr/bin/env bash
# Runs verify (and generate, and rehearse) on connection strings of many shapes, each with a
# password that holds SECRET or pieces of it, against a port nothing listens on; prints every
# message. The test checks that no byte of a password is printed.
#   password-shapes.sh WORKDIR
work=$1
rm -rf "$work"
shapes=(
  'host=127.0.0.1 port=1 password=A\ B\ SECRETTAIL'
  "host=127.0.0.1 port=1 password='SECRET\\' x' user=u"
  'password = SECRET1 host=127.0.0.1 port=1 password=SECRET2'
  'postgresql://u:SE@CRET@127.0.0.1:1/db'
  'postgresql://u:SECRETA/SECRETB@127.0.0.1:1/db'
  'postgresql://u:S%45CRET@127.0.0.1:1/db'
  'postgresql://u@127.0.0.1:1/db?password=SECRET&sslmode=disable'
  'postgresql://u:SECRET@[::1/db'
  'postgresql://u:SE%zzCRET@127.0.0.1:1/db'
  'postgresql://u:SECRET@127.0.0.1:1/db?port=SECRETPORT'
  'host=127.0.0.1 port=1 dbname=postgresql://u:SECRET@h/db'
)
for s in "${shapes[@]}"; do
  echo "== shape"
  timeout 20 cascade-migrate verify --db "$s"; echo "exit=$?"
  timeout 20 cascade-migrate --db "$s" --number 1 --out "$work"; echo "exit=$?"
  timeout 20 cascade-migrate rehearse --db "$s" --id 1; echo "exit=$?"
done 2>&1
