// Every UI string of the viewer, Chinese first, English second, in one place.
// Field titles and units mirror the server's layer catalog (gis-data LayerCatalog).

const STRINGS = {
  appTitle: ['兰州新区三维城市信息服务', 'Lanzhou New Area 3D City Information Service'],
  skipToSearch: ['跳到搜索', 'Skip to search'],
  search: ['搜索', 'Search'],
  searchKind: ['搜索类型', 'Search type'],
  searchAuto: ['自动', 'Auto'],
  searchExpNo: ['物探点号', 'Survey point no.'],
  searchRoad: ['道路', 'Road'],
  searchSite: ['站址编码', 'Site code'],
  searchParcel: ['地块编码', 'Parcel code'],
  searchPlaceholder: ['物探点号 / 道路 / 站址 / 地块 (/)', 'Point no. / road / site / parcel (/)'],
  searchResults: ['搜索结果', 'Search results'],
  searchNone: ['没有找到', 'Nothing found'],
  home: ['全图', 'Home'],
  layers: ['图层', 'Layers'],
  basemap: ['底图（Natural Earth II）', 'Base map (Natural Earth II)'],
  pipes: ['地下管线', 'Underground pipelines'],
  pipePoints: ['管线点（阀门、检查井…）', 'Pipe points (valves, manholes…)'],
  owners: ['权属单位', 'Owners'],
  stations: ['基站与扇区', 'Base stations & sectors'],
  parcels3d: ['控规地块（三维体块）', 'Zoning parcels (3D envelopes)'],
  parcelsWms: ['控规地块（WMTS）', 'Zoning parcels (WMTS)'],
  coverage: ['无线覆盖（RSRP）', 'Wireless coverage (RSRP)'],
  coverageLegend: ['覆盖图例（dBm）', 'Coverage legend (dBm)'],
  roadsWms: ['道路（WMTS）', 'Roads (WMTS)'],
  realScene: ['实景三维', 'Real-scene 3D'],
  photogrammetry: ['倾斜摄影', 'photogrammetry'],
  landUseLegend: ['用地性质图例 GB 50137', 'Land-use legend GB 50137'],
  underground: ['地下模式', 'Underground mode'],
  undergroundOn: ['开启地下模式（地表半透明，相机可入地下）', 'Underground mode (see-through ground, camera may go below)'],
  groundAlpha: ['地表不透明度', 'Ground opacity'],
  timeTitle: ['时间（历史与规划）', 'Time (history and plans)'],
  timeNow: ['现状（当前）', 'Current state (now)'],
  timeAt: ['时点', 'As of'],
  tools: ['工具', 'Tools'],
  measureDistance: ['测距离', 'Distance'],
  measureHeight: ['测高差', 'Height'],
  measureArea: ['测面积', 'Area'],
  clear: ['清除', 'Clear'],
  analysis: ['分析', 'Analysis'],
  toolClearance: ['净距检查', 'Clearance check'],
  toolExcavation: ['开挖分析', 'Excavation'],
  toolSection: ['横断面', 'Cross-section'],
  toolValve: ['关阀分析', 'Valve isolation'],
  toolTrench: ['同沟共建', 'Trench sharing'],
  toolColocation: ['铁塔共址', 'Tower co-location'],
  toolCoverage: ['覆盖指标与盲区', 'Coverage KPIs & holes'],
  minHoleArea: ['最小盲区面积 (m²)', 'Smallest hole (m²)'],
  target: ['目标', 'target'],
  holes: ['覆盖盲区', 'Coverage holes'],
  hole: ['盲区', 'Hole'],
  hostTowers: ['可挂载新扇区的铁塔（按可补盲面积排序）', 'towers that could host a new sector (by hole area covered)'],
  coversHole: ['可补盲', 'covers'],
  canHost: ['可挂载', 'can host'],
  cannotHost: ['不可挂载', 'cannot host'],
  noCandidates: ['附近没有可用铁塔，需新建', 'No tower nearby: a new one is needed'],
  district: ['片区', 'District'],
  total: ['全区', 'Whole area'],
  exportGeoJson: ['导出 GeoJSON', 'Export GeoJSON'],
  exportCsv: ['导出 CSV', 'Export CSV'],
  attributes: ['属性', 'Attributes'],
  flyTo: ['飞到此处', 'Fly to'],
  close: ['关闭', 'Close'],
  run: ['运行', 'Run'],
  cancel: ['取消', 'Cancel'],
  scope: ['范围', 'Scope'],
  scopeView: ['当前视图', 'Current view'],
  scopeRoad: ['道路', 'Road'],
  roadName: ['道路名称', 'Road name'],
  network: ['管线类别', 'Network'],
  allNetworks: ['全部', 'All'],
  depth: ['开挖深度 (m)', 'Depth (m)'],
  depthShort: ['深度', 'depth'],
  earthwork: ['土方', 'earthwork'],
  operator: ['运营商', 'Operator'],
  radius: ['搜索半径 (m)', 'Search radius (m)'],
  antennaHeight: ['天线挂高 (m)', 'Antenna height (m)'],
  verdictShare: ['共享现有铁塔', 'share an existing tower'],
  verdictNew: ['需新建铁塔', 'a new tower is needed'],
  drawPolygon: ['画多边形', 'Draw polygon'],
  drawLine: ['画线', 'Draw line'],
  pickPipe: ['点选管线', 'Pick a pipe'],
  pickPoint: ['点选位置', 'Pick a location'],
  hintDistance: ['单击添加点，双击或回车结束，Esc 取消', 'Click to add points; double-click or Enter to finish; Esc cancels'],
  hintHeight: ['单击两点测高差，Esc 取消', 'Click two points; Esc cancels'],
  hintPolygon: ['单击添加顶点，双击或回车闭合，Esc 取消', 'Click to add vertices; double-click or Enter closes; Esc cancels'],
  hintLine: ['单击起点和终点', 'Click the start and end points'],
  hintPickPipe: ['单击一条管线', 'Click a pipe'],
  hintPickPoint: ['在地图上单击新站址位置', 'Click the map at the new site'],
  running: ['计算中…', 'Running…'],
  notAvailable: ['服务器尚未提供此分析', 'The server does not offer this analysis yet'],
  failed: ['失败', 'Failed'],
  violations: ['违规', 'violations'],
  items: ['项', 'items'],
  noResult: ['无结果', 'No result'],
  loading: ['加载中…', 'Loading…'],
  ready: ['就绪', 'Ready'],
  tilesLoaded: ['三维瓦片已加载', '3D tiles loaded'],
  tilesetMissing: ['三维瓦片服务不可用', '3D tiles unavailable'],
  distance: ['距离', 'Distance'],
  horizontal: ['水平', 'horizontal'],
  vertical: ['垂直', 'vertical'],
  heightDiff: ['高差', 'Height difference'],
  area: ['面积', 'Area'],
  perimeter: ['周长', 'Perimeter'],
  verdict: ['结论', 'Verdict'],
  required: ['要求', 'required'],
  measured: ['实测', 'measured'],
  rule: ['依据', 'Rule'],
  valves: ['需关闭阀门', 'Valves to close'],
  isolated: ['停水管段', 'Isolated pipes'],
  candidates: ['候选站址', 'Candidate sites'],
  affected: ['受影响管线', 'Affected pipes'],
  id: ['编号', 'ID'],
  layer: ['图层', 'Layer'],
  legend: ['图例', 'Legend'],
  keyboardHelp: ['键盘：方向键/WASD 平移，Q/E 升降，+/- 缩放，H 全图，/ 搜索，Esc 取消', 'Keys: arrows/WASD pan, Q/E up/down, +/- zoom, H home, / search, Esc cancel'],
};

/** CJJ 61-2017 Appendix B: network code → [Chinese, English, CSS colour]. */
export const NETWORKS = {
  JS: ['给水', 'water supply', 'rgb(0,255,255)'],
  PS: ['排水', 'drainage', 'rgb(76,57,38)'],
  RQ: ['燃气', 'gas', 'rgb(255,0,255)'],
  RL: ['热力', 'heat', 'rgb(255,128,0)'],
  DL: ['电力', 'power', 'rgb(255,0,0)'],
  TX: ['通信', 'telecom', 'rgb(0,255,0)'],
};

/** GB 50137-2011 major classes with their usual CAD colours (DOMAIN.md §5.1). */
export const LAND_USE = {
  R: ['居住用地', 'residential', 'rgb(255,255,0)'],
  A: ['公共管理与公共服务设施用地', 'public administration & services', 'rgb(255,0,63)'],
  B: ['商业服务业设施用地', 'commercial', 'rgb(255,0,0)'],
  M: ['工业用地', 'industrial', 'rgb(153,114,76)'],
  W: ['物流仓储用地', 'logistics & warehousing', 'rgb(159,127,255)'],
  S: ['道路与交通设施用地', 'roads & transport', 'rgb(128,128,128)'],
  U: ['公用设施用地', 'public utilities', 'rgb(0,114,153)'],
  G: ['绿地与广场用地', 'green space & squares', 'rgb(0,153,0)'],
  E: ['非建设用地', 'non-construction land', 'rgb(102,204,102)'],
  H: ['建设用地', 'construction land', 'rgb(204,153,0)'],
};

/**
 * Layer names → [Chinese, English] titles and field names → [Chinese, English, unit], both from
 * the server's layer catalog (/api/layers, see setCatalog): the one definition of every layer.
 */
export const LAYER_TITLES = {};
const LAYER_FIELDS = {};

/**
 * Titles of values that are no layer attribute: the implicit id and time columns and the fields
 * of analysis answers. [Chinese title, English title, unit].
 */
export const FIELDS = {
  fid: ['要素编号', 'feature id', ''], feature_id: ['要素编号', 'feature id', ''], id: ['编号', 'id', ''],
  valid_from: ['生效时间', 'valid from', ''], valid_to: ['失效时间', 'valid to', ''],
  size_mm: ['管径/断面', 'size', 'mm'], kind: ['类型', 'kind', ''], year: ['年份', 'year', ''],
  pressurised: ['压力管', 'pressure pipe', ''], height_m: ['高度', 'height', 'm'], operators: ['运营商', 'operators', ''],
  downtilt_deg: ['下倾角', 'downtilt', '°'], land_use: ['用地性质', 'land use', ''], far: ['容积率', 'floor-area ratio', ''],
  direction: ['方向', 'direction', ''], measuredM: ['实测净距', 'measured clearance', 'm'], requiredM: ['规范要求', 'required', 'm'],
  centreDistanceM: ['中心距', 'centre distance', 'm'], coverM: ['覆土', 'cover', 'm'], distanceM: ['距离', 'distance', 'm'],
  lon: ['经度', 'longitude', '°'], lat: ['纬度', 'latitude', '°'], pipe_ids: ['连接管段', 'pipes joined', ''],
};

/**
 * Takes the layer and field titles from the catalog (the /api/layers answer): a layer's title,
 * and each field's titles and unit (a layer's own titles for its features).
 */
export function setCatalog(layers) {
  for (const l of layers) {
    LAYER_TITLES[l.name] = [l.titleZh, l.titleEn || l.name];
    LAYER_FIELDS[l.name] = Object.fromEntries((l.fields || []).map((f) => [f.name, [f.titleZh, f.titleEn, f.unit || '']]));
  }
  // A field without a layer (in an analysis answer) takes the title of the first attribute of that
  // name, before values computed for 3D tiles (the tiles' depth_m is the greatest depth).
  for (const computed of [false, true]) {
    for (const l of layers) {
      for (const f of l.fields || []) {
        if (!!f.computed === computed && !LAYER_FIELDS['*' + f.name]) LAYER_FIELDS['*' + f.name] = LAYER_FIELDS[l.name][f.name];
      }
    }
  }
}

let lang = (() => {
  try { return localStorage.getItem('city.lang') === 'en' ? 'en' : 'zh'; } catch { return 'zh'; }
})();
const listeners = [];

/** The current language: 'zh' or 'en'. */
export function getLang() { return lang; }

/** The string for key in the current language (the key itself when unknown). */
export function t(key) {
  const s = STRINGS[key];
  return s ? s[lang === 'en' ? 1 : 0] : key;
}

/** Picks the zh or en entry of a [zh, en, …] pair. */
export function pick(pair) { return pair ? pair[lang === 'en' ? 1 : 0] : ''; }

/** The title of a field and its unit: [title, unit]; of layer's field when layer is given and defines it. */
export function field(name, layer) {
  const f = (layer && LAYER_FIELDS[layer] && LAYER_FIELDS[layer][name]) || FIELDS[name] || LAYER_FIELDS['*' + name];
  return f ? [pick(f), f[2]] : [name, ''];
}

/** Switches the language, re-labels the page and notifies listeners. */
export function setLang(next) {
  lang = next === 'en' ? 'en' : 'zh';
  try { localStorage.setItem('city.lang', lang); } catch { /* private mode */ }
  applyI18n(document);
  for (const fn of listeners) fn(lang);
}

/** Calls fn(lang) after every language switch. */
export function onLang(fn) { listeners.push(fn); }

/** Labels every element with data-i18n, data-i18n-placeholder, data-i18n-aria. */
export function applyI18n(root) {
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  document.title = t('appTitle');
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
  const btn = document.getElementById('lang-btn');
  if (btn) { btn.textContent = lang === 'en' ? '中文' : 'English'; btn.lang = lang === 'en' ? 'zh-CN' : 'en'; }
}
