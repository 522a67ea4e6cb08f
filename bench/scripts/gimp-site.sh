# Sourced by crawl-gimp.sh and crawl-ab.sh: serves an unpacked gimp-help-ko from nginx on a free loopback port.
# serve_site DIR DOCROOT: writes DIR/nginx.conf (access log DIR/access.log), starts nginx, stops it on exit, and sets
# PORT, SEED (the index page) and NGINX (its pid) once the index page answers.
serve_site() {
  local dir=$1 docroot=$2 t=$1/nginx-tmp
  mkdir -p "$t"
  PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  cat > "$dir/nginx.conf" <<CONF
worker_processes 1; daemon off; pid $dir/nginx.pid; error_log $dir/nginx-error.log;
events { worker_connections 256; }
http { include /etc/nginx/mime.types; sendfile on; access_log $dir/access.log;
  client_body_temp_path $t; proxy_temp_path $t; fastcgi_temp_path $t; uwsgi_temp_path $t; scgi_temp_path $t;
  server { listen 127.0.0.1:$PORT; root $docroot; } }
CONF
  nginx -c "$dir/nginx.conf" & NGINX=$!
  trap 'kill $NGINX 2>/dev/null || true' EXIT
  for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/index.html" && break; sleep 0.1; done
  SEED=http://127.0.0.1:$PORT/index.html
}
