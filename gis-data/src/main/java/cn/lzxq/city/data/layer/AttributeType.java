package cn.lzxq.city.data.layer;

/** The value type of a layer attribute, as every protocol encodes it (XSD, JSON, glTF metadata). */
public enum AttributeType {
  STRING,
  INTEGER,
  LONG,
  DECIMAL,
  BOOLEAN,
  DATE,
  TIMESTAMP,
  STRING_ARRAY
}
