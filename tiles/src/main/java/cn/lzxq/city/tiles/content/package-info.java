/**
 * The library's entry points for the server: plain records describing features (vertices geodetic:
 * longitude/latitude in degrees, heights in metres, ground-relative by default) and one encoder per
 * content kind that returns the GLB bytes of one tile: {@link
 * cn.lzxq.city.tiles.content.PipeContentEncoder} (tubes, ducts, elbows and fittings from the
 * network topology), {@link cn.lzxq.city.tiles.content.AssetContentEncoder} (instanced manholes,
 * valves, hydrants), {@link cn.lzxq.city.tiles.content.TowerContentEncoder} (towers and sector
 * antennas) and {@link cn.lzxq.city.tiles.content.ParcelContentEncoder} (translucent parcel
 * envelopes). Every mesh is cut exactly at the tile's region, so content never leaves its bounding
 * volume ({@link cn.lzxq.city.tiles.check.ContentBoundsChecker} proves it).
 */
package cn.lzxq.city.tiles.content;
