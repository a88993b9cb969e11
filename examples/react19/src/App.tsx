import { Alert, Button, Card, ConfigProvider, Layout, Menu, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, useLastCode } from './backend.js';

/** An Ant Design admin page with the kit's withdraw dialog: properties and events set straight on the tag. */
export function App() {
  const [open, setOpen] = useState(false);
  const [last, setLast] = useState<string>();
  const code = useLastCode();
  return (
    <ConfigProvider theme={{ token: { colorPrimary: '#1677ff' } }}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider theme="dark">
          <Menu theme="dark" mode="inline" defaultSelectedKeys={['finance']} items={[{ key: 'customers', label: 'Customers' }, { key: 'finance', label: 'Finance' }]} />
        </Layout.Sider>
        <Layout>
          <Layout.Header style={{ background: '#fff' }}>
            <Typography.Title level={4} style={{ margin: '16px 0' }}>Partner center</Typography.Title>
          </Layout.Header>
          <Layout.Content style={{ padding: 24 }}>
            <Space direction="vertical" size="large" style={{ width: '100%' }}>
              <Card title="Balance">
                <Button type="primary" onClick={() => setOpen(true)}>Withdraw balance</Button>
              </Card>
              {code && <Alert type="info" showIcon message={<span data-testid="outbox">Demo SMS code: {code}</span>} />}
              {last && <Alert type="success" showIcon message={<span data-testid="last-withdrawal">Withdrawal submitted: {last}</span>} />}
            </Space>
            <partner-kit-provider api={api} locale="en-US">
              <withdraw-dialog
                open={open}
                onwithdrawal-submitted={(event) => setLast(event.detail.referenceId)}
                onwithdrawal-cancelled={() => setOpen(false)}
              />
            </partner-kit-provider>
          </Layout.Content>
        </Layout>
      </Layout>
    </ConfigProvider>
  );
}
