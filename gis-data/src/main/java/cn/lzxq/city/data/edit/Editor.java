package cn.lzxq.city.data.edit;

/**
 * Who writes: the user name recorded in {@code changed_by}, the role, and for an editor the
 * organisation (权属单位, {@code organization.code}) whose features it may edit.
 *
 * @param name the user name
 * @param role admin, editor or viewer
 * @param organization the editor's organisation; null for admins and viewers
 */
public record Editor(String name, Role role, String organization) {

  /** The roles of the service. */
  public enum Role {
    ADMIN,
    EDITOR,
    VIEWER
  }

  /** True for the role that edits every feature. */
  public boolean admin() {
    return role == Role.ADMIN;
  }
}
