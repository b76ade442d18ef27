package cn.lzxq.city.data.user;

import cn.lzxq.city.data.edit.Editor;

/**
 * A user as listed (never with its hash).
 *
 * @param username login name
 * @param role admin, editor or viewer
 * @param organization the organisation code an editor edits for, or null
 * @param enabled false once disabled: the server refuses its logins
 */
public record AppUser(String username, Editor.Role role, String organization, boolean enabled) {}
