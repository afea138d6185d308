import { Button, ConfigProvider, Input, Layout, Menu, Select, theme } from 'antd';
import type { InputRef } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate, useSearchParams } from 'react-router';
import { consoleSites } from '../../db/console-queries.js';
import { useLiveQuery } from '../../db/live-query.js';
import { useServices } from '../../sync/services.js';
import './console.css';
import type { BoardComponent } from './console-route.js';
import { Dashboard } from './dashboard.js';
import { useChartTheme } from './echart.js';
import { LedgerTable, MissingTable, TasksTable, TubesTable } from './tables.js';

const PAGES = ['dashboard', 'ledger', 'missing', 'board', 'tubes', 'tasks'] as const;
type ConsolePage = (typeof PAGES)[number];
const SITE_PAGES: readonly ConsolePage[] = ['ledger', 'missing', 'board'];

function pageOf(pathname: string): ConsolePage {
  const part = pathname.split('/')[2] ?? '';
  return (PAGES as readonly string[]).includes(part) ? (part as ConsolePage) : 'dashboard';
}

/** `/` focuses the search box unless the person is typing somewhere already. */
function useSlashToSearch(input: React.RefObject<InputRef | null>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
      if (e.key !== '/' || typing || e.ctrlKey || e.metaKey || e.altKey) return;
      e.preventDefault();
      input.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [input]);
}

/**
 * The command post's console (issue 15): side navigation, a dashboard of
 * cards and charts, wide sortable tables and the building board, for
 * coordinators and leaders at a PC. Reads the device's synced rows (offline
 * too); every change still goes through the phone screens' mutators.
 */
export function ConsoleApp({ board: Board }: { board: BoardComponent }) {
  const { t, i18n } = useTranslation();
  const { db, session } = useServices();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState('');
  const search = useRef<InputRef>(null);
  useSlashToSearch(search);
  const mode = useChartTheme();
  const sites = useLiveQuery(() => consoleSites(db), [db]);
  const page = pageOf(location.pathname);
  const siteId = params.get('site') ?? sites?.[0]?.id ?? '';
  const allowed = session.user.role === 'leader' || session.user.role === 'coordinator';

  const go = (to: ConsolePage) => {
    setQuery('');
    navigate(
      `/console${to === 'dashboard' ? '' : `/${to}`}${siteId ? `?site=${encodeURIComponent(siteId)}` : ''}`,
    );
  };

  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={{
        algorithm: mode === 'dark' ? theme.darkAlgorithm : theme.defaultAlgorithm,
        // antd's light greys (45 % black) and its blue on the selected tint miss WCAG AA: darker
        // ones keep every label readable at the command post (axe checks it in e2e/console.spec.ts).
        token:
          mode === 'dark'
            ? { fontSize: 16, colorPrimary: '#1f6feb' }
            : {
                fontSize: 16,
                colorPrimary: '#0b57d0',
                colorTextSecondary: 'rgba(0, 0, 0, 0.7)',
                colorTextDescription: 'rgba(0, 0, 0, 0.7)',
                colorTextTertiary: 'rgba(0, 0, 0, 0.66)',
                colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
              },
      }}
    >
      <Layout className="hj-console" data-testid="console">
        <Layout.Sider className="hc-side" width={220} theme={mode === 'dark' ? 'dark' : 'light'}>
          <div className="hc-brand">{t('console.title')}</div>
          <nav aria-label={t('console.title')}>
            <Menu
              mode="inline"
              theme={mode === 'dark' ? 'dark' : 'light'}
              selectedKeys={[page]}
              onClick={({ key }) => go(key as ConsolePage)}
              items={PAGES.map((p) => ({
                key: p,
                label: <span data-testid={`console-nav-${p}`}>{t(`console.nav.${p}`)}</span>,
              }))}
            />
          </nav>
          <Button className="hc-back" onClick={() => navigate('/')} data-testid="console-back">
            {t('console.backToPhone')}
          </Button>
        </Layout.Sider>
        <Layout>
          <header className="hc-header">
            <h1 className="hc-title">{t(`console.nav.${page}`)}</h1>
            {SITE_PAGES.includes(page) && sites && sites.length > 0 ? (
              <Select
                className="hc-site"
                aria-label={t('console.site')}
                value={siteId}
                onChange={(v: string) => setParams({ site: v })}
                options={sites.map((s) => ({ value: s.id, label: s.name }))}
                data-testid="console-site"
              />
            ) : null}
            <Input.Search
              ref={search}
              className="hc-search"
              aria-label={t('console.search')}
              placeholder={`${t('console.searchPlaceholder')} /`}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              allowClear
              data-testid="console-search"
            />
            <Button onClick={() => window.print()} className="hc-print">
              {t('console.printButton')}
            </Button>
          </header>
          <Layout.Content className="hc-content">
            {!allowed ? (
              <p role="alert">{t('coverage.noAccess')}</p>
            ) : (
              <Routes>
                <Route index element={<Dashboard />} />
                <Route
                  path="ledger"
                  element={siteId ? <LedgerTable siteId={siteId} query={query} /> : null}
                />
                <Route
                  path="missing"
                  element={siteId ? <MissingTable siteId={siteId} query={query} /> : null}
                />
                <Route
                  path="board"
                  element={
                    siteId ? (
                      <Board siteId={siteId} onOpen={(h) => navigate(`/door/${siteId}/h/${h}`)} />
                    ) : null
                  }
                />
                <Route path="tubes" element={<TubesTable query={query} />} />
                <Route path="tasks" element={<TasksTable query={query} />} />
              </Routes>
            )}
          </Layout.Content>
        </Layout>
      </Layout>
    </ConfigProvider>
  );
}
