/**
 * The orthophoto (DOM, 数字正射影像): GDAL import to the native CRS ({@link
 * cn.lzxq.city.data.ortho.DomImporter}) and the versioned block pyramid in PostgreSQL ({@link
 * cn.lzxq.city.data.ortho.DomStore}), read by WMS GetMap as the raster layer {@code orthophoto}.
 * Pixel sizes in metres of the native CRS.
 */
package cn.lzxq.city.data.ortho;
