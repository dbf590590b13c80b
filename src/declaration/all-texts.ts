import type { Texts } from '../ui/texts';
import type { CookieTexts } from './texts';
import ui_ar from '../ui/lang/ar.json';
import cookies_ar from './lang/ar.json';
import ui_bg from '../ui/lang/bg.json';
import cookies_bg from './lang/bg.json';
import ui_ca from '../ui/lang/ca.json';
import cookies_ca from './lang/ca.json';
import ui_cs from '../ui/lang/cs.json';
import cookies_cs from './lang/cs.json';
import ui_da from '../ui/lang/da.json';
import cookies_da from './lang/da.json';
import ui_de from '../ui/lang/de.json';
import cookies_de from './lang/de.json';
import ui_el from '../ui/lang/el.json';
import cookies_el from './lang/el.json';
import ui_es from '../ui/lang/es.json';
import cookies_es from './lang/es.json';
import ui_et from '../ui/lang/et.json';
import cookies_et from './lang/et.json';
import ui_eu from '../ui/lang/eu.json';
import cookies_eu from './lang/eu.json';
import ui_fi from '../ui/lang/fi.json';
import cookies_fi from './lang/fi.json';
import ui_fr from '../ui/lang/fr.json';
import cookies_fr from './lang/fr.json';
import ui_ga from '../ui/lang/ga.json';
import cookies_ga from './lang/ga.json';
import ui_gl from '../ui/lang/gl.json';
import cookies_gl from './lang/gl.json';
import ui_he from '../ui/lang/he.json';
import cookies_he from './lang/he.json';
import ui_hr from '../ui/lang/hr.json';
import cookies_hr from './lang/hr.json';
import ui_hu from '../ui/lang/hu.json';
import cookies_hu from './lang/hu.json';
import ui_is from '../ui/lang/is.json';
import cookies_is from './lang/is.json';
import ui_it from '../ui/lang/it.json';
import cookies_it from './lang/it.json';
import ui_ja from '../ui/lang/ja.json';
import cookies_ja from './lang/ja.json';
import ui_ko from '../ui/lang/ko.json';
import cookies_ko from './lang/ko.json';
import ui_lt from '../ui/lang/lt.json';
import cookies_lt from './lang/lt.json';
import ui_lv from '../ui/lang/lv.json';
import cookies_lv from './lang/lv.json';
import ui_mt from '../ui/lang/mt.json';
import cookies_mt from './lang/mt.json';
import ui_nb from '../ui/lang/nb.json';
import cookies_nb from './lang/nb.json';
import ui_nl from '../ui/lang/nl.json';
import cookies_nl from './lang/nl.json';
import ui_pl from '../ui/lang/pl.json';
import cookies_pl from './lang/pl.json';
import ui_pt from '../ui/lang/pt.json';
import cookies_pt from './lang/pt.json';
import ui_pt_BR from '../ui/lang/pt-BR.json';
import cookies_pt_BR from './lang/pt-BR.json';
import ui_ro from '../ui/lang/ro.json';
import cookies_ro from './lang/ro.json';
import ui_sk from '../ui/lang/sk.json';
import cookies_sk from './lang/sk.json';
import ui_sl from '../ui/lang/sl.json';
import cookies_sl from './lang/sl.json';
import ui_sv from '../ui/lang/sv.json';
import cookies_sv from './lang/sv.json';
import ui_tr from '../ui/lang/tr.json';
import cookies_tr from './lang/tr.json';
import ui_uk from '../ui/lang/uk.json';
import cookies_uk from './lang/uk.json';
import ui_zh_Hans from '../ui/lang/zh-Hans.json';
import cookies_zh_Hans from './lang/zh-Hans.json';
import ui_zh_Hant from '../ui/lang/zh-Hant.json';
import cookies_zh_Hant from './lang/zh-Hant.json';

/** Every language's texts (the UI's and the declaration's), for the server, where nothing is loaded on demand. */
export const ALL_TEXTS: Record<string, [Partial<Texts>, Partial<CookieTexts>]> = {
  ar: [ui_ar, cookies_ar],
  bg: [ui_bg, cookies_bg],
  ca: [ui_ca, cookies_ca],
  cs: [ui_cs, cookies_cs],
  da: [ui_da, cookies_da],
  de: [ui_de, cookies_de],
  el: [ui_el, cookies_el],
  es: [ui_es, cookies_es],
  et: [ui_et, cookies_et],
  eu: [ui_eu, cookies_eu],
  fi: [ui_fi, cookies_fi],
  fr: [ui_fr, cookies_fr],
  ga: [ui_ga, cookies_ga],
  gl: [ui_gl, cookies_gl],
  he: [ui_he, cookies_he],
  hr: [ui_hr, cookies_hr],
  hu: [ui_hu, cookies_hu],
  is: [ui_is, cookies_is],
  it: [ui_it, cookies_it],
  ja: [ui_ja, cookies_ja],
  ko: [ui_ko, cookies_ko],
  lt: [ui_lt, cookies_lt],
  lv: [ui_lv, cookies_lv],
  mt: [ui_mt, cookies_mt],
  nb: [ui_nb, cookies_nb],
  nl: [ui_nl, cookies_nl],
  pl: [ui_pl, cookies_pl],
  pt: [ui_pt, cookies_pt],
  'pt-BR': [ui_pt_BR, cookies_pt_BR],
  ro: [ui_ro, cookies_ro],
  sk: [ui_sk, cookies_sk],
  sl: [ui_sl, cookies_sl],
  sv: [ui_sv, cookies_sv],
  tr: [ui_tr, cookies_tr],
  uk: [ui_uk, cookies_uk],
  'zh-Hans': [ui_zh_Hans, cookies_zh_Hans],
  'zh-Hant': [ui_zh_Hant, cookies_zh_Hant],
};
