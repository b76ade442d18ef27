/**
 * The service's users (table {@code app_user}, migration V5): name, role, organisation, and the
 * password hash the server checks on HTTP Basic logins. {@link cn.lzxq.city.data.user.Passwords} is
 * the one hash both the server and the {@code city user} command use.
 */
package cn.lzxq.city.data.user;
