package cn.lzxq.city.server.wms.sld;

import cn.lzxq.city.server.wms.style.Style;

/**
 * One NamedLayer of an SLD document: the layer and either a named style of the server or a user
 * style defined in the document.
 *
 * @param layerName the NamedLayer Name
 * @param namedStyle the NamedStyle Name, or null
 * @param userStyle the UserStyle, or null
 */
public record SldLayer(String layerName, String namedStyle, Style userStyle) {}
