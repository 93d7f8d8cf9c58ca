import type { Lang } from './labels.js';

/**
 * What a link's status means to a reader of a report or a notice: the code stays (an inspector
 * checks it), the words say it (a site owner acts on it). A soft 404 answered 200: without the
 * words, "dead link, status 200" reads as a contradiction.
 */
const MEANING: Record<string, { zh: string; en: string }> = {
  ETIMEDOUT: { zh: '超时无响应', en: 'no answer within the time limit' },
  EHOSTDOWN: { zh: '主机对此前请求均超时无响应，未再请求', en: 'the host answered none of the URLs asked before it: not asked again' },
  ETHROTTLED: { zh: '主机对此前请求持续返回429（请求过多），未再请求', en: 'the host answered 429 Too Many Requests to the URLs asked before it: not asked again' },
  EPRIVATE: { zh: '内网地址，公众无法访问', en: 'an intranet address: no visitor from outside can open it' },
  EBADURL: { zh: '链接地址格式错误，无法打开', en: 'a malformed address: no browser can open it' },
  EFILE: { zh: '链接指向编辑者本机文件，访问者无法打开', en: 'a file on its author\'s computer: no visitor can open it' },
  EOFFLINE: { zh: '检查时本机网络中断，未能检查', en: 'this machine\'s network was down: not checked' },
  EPROXYDENIED: { zh: '本机所用代理服务器按其策略拒绝访问，未能检查', en: 'the proxy this machine goes through refused it by its policy: not checked' },
  ECONNREFUSED: { zh: '连接被拒绝', en: 'connection refused' },
  ECONNRESET: { zh: '连接被重置', en: 'connection reset' },
  ENOTFOUND: { zh: '域名无法解析', en: 'the host name does not resolve' },
  EAI_AGAIN: { zh: '域名解析暂时失败', en: 'the host name lookup failed for now' },
  EHOSTUNREACH: { zh: '主机不可达', en: 'host unreachable' },
  ENETUNREACH: { zh: '网络不可达', en: 'network unreachable' },
  ECERT: { zh: '加密连接（TLS）失败', en: 'the TLS handshake failed' },
  EPROTO: { zh: '响应不符合HTTP协议', en: 'the answer breaks HTTP' },
  EREDIRECTLOOP: { zh: '重定向循环', en: 'redirect loop' },
  EMAXREDIRECTS: { zh: '重定向次数过多', en: 'too many redirects' },
  EBADREDIRECT: { zh: '重定向地址无效', en: 'redirect to an invalid address' },
  EBODYTOOLARGE: { zh: '内容超过大小上限', en: 'the body is over the size limit' },
  EDECODE: { zh: '内容无法解压', en: 'the body cannot be decompressed' },
  EUNKNOWN: { zh: '未知错误', en: 'unknown failure' },
  401: { zh: '需要登录', en: 'login required' },
  403: { zh: '禁止访问', en: 'forbidden' },
  404: { zh: '页面不存在', en: 'not found' },
  410: { zh: '页面已删除', en: 'gone' },
  // to a plain GET, what a script challenge answers (Rivers, 瑞数, on many government platforms): a browser passes it
  412: { zh: '网站防护要求浏览器执行脚本验证，程序无法通过', en: 'the site\'s shield wants a browser to run its script first' },
  500: { zh: '服务器内部错误', en: 'server error' },
  502: { zh: '网关错误', en: 'bad gateway' },
  503: { zh: '服务不可用', en: 'service unavailable' },
  504: { zh: '网关超时', en: 'gateway timeout' },
};
const SOFT_404 = { zh: '页面提示不存在（软404）', en: 'the page says it is missing (soft 404)' };
/** any other status of these classes, by its first digit */
const CLASS: Record<string, { zh: string; en: string }> = { 3: { zh: '重定向无目标地址', en: 'a redirect without a location' }, 4: { zh: '请求错误', en: 'client error' }, 5: { zh: '服务器错误', en: 'server error' } };

/** `404（页面不存在）`, `ENOTFOUND (the host name does not resolve)`, `200（页面提示不存在（软404））`; a status it has no words for, as it is. */
export function statusText(status: string, soft404: boolean, lang: Lang): string {
  const meaning = soft404 ? SOFT_404 : MEANING[status] ?? (/^[345]\d\d$/.test(status) ? CLASS[status[0]!] : undefined);
  if (!meaning) return status;
  return lang === 'zh' ? `${status}（${meaning.zh}）` : `${status} (${meaning.en})`;
}
