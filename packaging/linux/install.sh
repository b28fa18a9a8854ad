#!/bin/sh
# Install this Kiosk bundle for the current user (no root needed). Run it from the
# unpacked bundle, wherever the bundle is to stay (e.g. ~/kiosk or /opt/kiosk):
#
#   ./install.sh              the `kiosk` command (~/.local/bin), menu entry and icons
#   ./install.sh --autostart  the same, and start `kiosk --kiosk` at login (XDG autostart)
#   ./install.sh --systemd    the same, and the systemd user unit kiosk.service instead
#                             (restarts Kiosk if it stops); enabled, not started
#   ./install.sh --uninstall  remove all of the above (the bundle itself stays)
#
# The application id, in file names and in the app itself, is io.github.kiosk_checkin.Kiosk.
set -eu

app_id=io.github.kiosk_checkin.Kiosk
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
config=${XDG_CONFIG_HOME:-$HOME/.config}
bin=$HOME/.local/bin
units=$config/systemd/user

say() { printf '%s\n' "$*"; }

# A desktop entry's Exec with the installed command's absolute path, quoted as the Desktop
# Entry spec asks (backslash before " ` $ and \; % doubled).
exec_path() {
    printf '"%s"' "$(printf '%s' "$bin/kiosk" | sed -e 's/[\\"`$]/\\&/g' -e 's/%/%%/g')"
}

with_exec() {
    target=$(exec_path | sed -e 's/[&|\\]/\\&/g')
    sed -e "s|^Exec=kiosk|Exec=$target|" "$1"
}

refresh_caches() {
    # Update the icon cache only where one exists: a new cache in a user's icon folder
    # would hide icons that other programs add later without updating it. Otherwise the
    # folder's new modification time tells desktops to look again. (No MimeType in our
    # entry, so no desktop database to update; desktops watch the applications folder.)
    if [ -f "$data/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
    elif [ -d "$data/icons/hicolor" ]; then
        touch "$data/icons/hicolor"
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    if command -v systemctl >/dev/null 2>&1 && [ -f "$units/kiosk.service" ]; then
        systemctl --user disable kiosk.service >/dev/null 2>&1 || true
    fi
    rm -f "$bin/kiosk" "$data/applications/$app_id.desktop" \
        "$config/autostart/$app_id.desktop" "$units/kiosk.service"
    find "$data/icons/hicolor" -name "$app_id.*" -delete 2>/dev/null || true
    refresh_caches
    say "Kiosk's command, menu entry, icons and autostart removed; the bundle in $here stays."
    exit 0
fi

case "${1:-}" in
    ""|--autostart|--systemd) ;;
    *) say "usage: $0 [--autostart | --systemd | --uninstall]" >&2; exit 2 ;;
esac

mkdir -p "$bin" "$data/applications" "$data/icons"
ln -sfn "$here/kiosk" "$bin/kiosk"
cp -R "$here/share/icons/." "$data/icons/"
with_exec "$here/share/applications/$app_id.desktop" > "$data/applications/$app_id.desktop"
refresh_caches
say "Installed: $bin/kiosk, the menu entry and icons ($app_id)."

case "${1:-}" in
    --autostart)
        mkdir -p "$config/autostart"
        with_exec "$here/share/kiosk/autostart/$app_id.desktop" \
            > "$config/autostart/$app_id.desktop"
        say "Kiosk starts in self-service mode at login: $config/autostart/$app_id.desktop"
        ;;
    --systemd)
        mkdir -p "$units"
        cp "$here/share/kiosk/kiosk.service" "$units/kiosk.service"
        if command -v systemctl >/dev/null 2>&1 && systemctl --user daemon-reload 2>/dev/null &&
            systemctl --user enable kiosk.service; then
            say "kiosk.service enabled: it starts with the next graphical login."
        else
            say "Copied $units/kiosk.service; run in the kiosk user's session:"
            say "  systemctl --user daemon-reload && systemctl --user enable kiosk.service"
        fi
        ;;
esac
case ":$PATH:" in
    *":$bin:"*) ;;
    *) say "Note: $bin is not on PATH in this shell; log in again or run $bin/kiosk." ;;
esac
