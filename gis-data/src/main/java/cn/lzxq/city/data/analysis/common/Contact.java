package cn.lzxq.city.data.analysis.common;

/** An organization to notify: 权属单位 with its contact person, phone and e-mail. */
public record Contact(String code, String name, String contactPerson, String phone, String email) {}
