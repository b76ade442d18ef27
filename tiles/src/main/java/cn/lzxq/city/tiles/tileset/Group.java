package cn.lzxq.city.tiles.tileset;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A content group: metadata about the contents assigned to it (one group per network, so a viewer
 * can toggle water, gas, … inside one combined tileset).
 *
 * @param metadataClass class id in the tileset schema
 * @param properties property values of the group
 */
public record Group(@JsonProperty("class") String metadataClass, Map<String, Object> properties) {}
